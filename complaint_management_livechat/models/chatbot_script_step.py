from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.tools import html2plaintext, plaintext2html

from odoo.addons.complaint_management.models.complaint_complaint import LOCAL_DIGITS, PHONE_PATTERN
from odoo.addons.complaint_management.models.complaint_intake_attempt import visitor_address
from odoo.addons.complaint_management.models.complaint_portal_params import SUBMISSION_RATE_LIMIT, get_int_param

# what a free-input step may collect for the complaint, and how long it may be (as on the web form)
COMPLAINT_FIELDS = [
    ("partner_name", "Customer Name"),
    ("order_reference", "Order Reference"),
    ("description", "Description"),
]
FIELD_SIZES = {"partner_name": 128, "order_reference": 64, "description": 20000}
SUBJECT_SIZE = 80


class ChatbotScriptStep(models.Model):
    _inherit = "chatbot.script.step"

    step_type = fields.Selection(
        selection_add=[("create_complaint", "Create Complaint")], ondelete={"create_complaint": "cascade"})
    complaint_field = fields.Selection(
        COMPLAINT_FIELDS,
        help="What the visitor's answer to this step fills in on the complaint a later "
             "'Create Complaint' step files.")
    complaint_team_id = fields.Many2one(
        "complaint.team", ondelete="set null",
        help="The team of the complaints this step files; empty: the routing rules decide.")

    @api.onchange("step_type")
    def _onchange_step_type_complaint_field(self):
        if self.step_type not in ("free_input_single", "free_input_multi"):
            self.complaint_field = False

    def _process_step(self, discuss_channel):
        self.ensure_one()
        if self.step_type != "create_complaint":
            return super()._process_step(discuss_channel)
        # sudo: discuss.channel - moving the visitor's conversation to this step, as the base step does
        discuss_channel.sudo().chatbot_current_step_id = self.id
        return discuss_channel._chatbot_post_message(
            self.chatbot_script_id, self._chatbot_file_complaint(discuss_channel))

    def _chatbot_file_complaint(self, discuss_channel):
        """File the complaint the visitor described in `discuss_channel`, with the conversation as an
        internal note; return the bot's answer (HTML): the step's message and the tracking code, or
        what is missing."""
        values = self._chatbot_complaint_values(discuss_channel)
        user = self.env.user
        if user._is_public() and not values.get("partner_email"):
            return self._chatbot_answer(self.env._(
                "I could not file your complaint without a valid email address. Please restart the "
                "conversation, or use our complaint form at %(url)s.", url=self._chatbot_form_url()))
        if not values.get("description"):
            return self._chatbot_answer(self.env._(
                "I could not file your complaint without a description of what happened. Please restart "
                "the conversation, or use our complaint form at %(url)s.", url=self._chatbot_form_url()))
        Attempt = self.env["complaint.intake.attempt"]
        keys = [("submit-ip", visitor_address()), ("submit-email", values.get("partner_email"))]
        if user._is_public() and not Attempt._is_allowed(keys, get_int_param(self.env, SUBMISSION_RATE_LIMIT)):
            return self._chatbot_answer(self.env._(
                "You have filed several complaints in a short time. Please try again in an hour."))
        Complaint = self.env["complaint.complaint"]
        if user._is_public():
            partner = Complaint._portal_customer(
                values.get("partner_name") or values["partner_email"], values["partner_email"],
                values.get("partner_mobile") or False)
            Attempt._record(keys)
        else:
            # a logged-in customer files for their own contact, whatever name and email they typed
            partner = user.partner_id
            for name in ("partner_name", "partner_email", "partner_mobile"):
                values.pop(name, None)
        complaint = Complaint._portal_create(values, [], partner)
        # sudo: discuss.channel - the visitor's own conversation, whose authors they may not read
        complaint.message_post(
            body=Markup("%s<br/><br/>%s") % (
                self.env._("Filed by the live-chat bot %(bot)s. The conversation:",
                           bot=self.chatbot_script_id.title),
                discuss_channel.sudo()._get_channel_history()),
            subtype_xmlid="mail.mt_note")
        return self._chatbot_answer(
            self.message,
            self.env._("Your tracking code is %(code)s. We are also sending it to you by email, with a "
                       "link to follow your complaint; please quote it whenever you contact us.", code=complaint.name))

    def _chatbot_complaint_values(self, discuss_channel):
        """The complaint's values from the visitor's answers to the steps of this script that collect
        a complaint field, and to its email and phone questions (the last answer of each counts)."""
        answers = {}
        # sudo: chatbot.message - the visitor's own answers in their conversation
        bot_partner = self.chatbot_script_id.operator_partner_id
        for chatbot_message in discuss_channel.sudo().chatbot_message_ids.sorted("id"):
            field = chatbot_message.script_step_id.complaint_field
            message = chatbot_message.mail_message_id
            if field and message.author_id != bot_partner:
                answers.setdefault(field, []).append(html2plaintext(message.body or "").strip())
        values = {
            field: "\n".join(filter(None, texts))[:FIELD_SIZES[field]].strip()
            for field, texts in answers.items()
        }
        contact = discuss_channel._chatbot_find_customer_values_in_messages(
            {"question_email": "email", "question_phone": "phone"})
        phone = (contact.get("phone") or "").strip().translate(LOCAL_DIGITS)
        description = values.pop("description", "")
        first_line = description.split("\n", 1)[0].strip()
        return {
            **values,
            "partner_email": tools.email_normalize(contact.get("email") or ""),
            "partner_mobile": phone if PHONE_PATTERN.fullmatch(phone) else False,
            "subject": first_line if len(first_line) <= SUBJECT_SIZE else first_line[:SUBJECT_SIZE - 1] + "…",
            "description": plaintext2html(description) if description else False,
            "channel": "chat",
            **({"team_id": self.complaint_team_id.id} if self.complaint_team_id else {}),
        }

    def _chatbot_answer(self, *texts):
        return Markup("<br/>").join(plaintext2html(text) for text in texts if text)

    def _chatbot_form_url(self):
        return f"{self.get_base_url()}/complaints/new"
