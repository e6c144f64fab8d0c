import re

from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import html2plaintext, plaintext2html

from odoo.addons.complaint_management.models.complaint_complaint import LOCAL_DIGITS, PHONE_PATTERN
from odoo.addons.complaint_management.models.complaint_intake_attempt import visitor_address
from odoo.addons.complaint_management.models.complaint_portal_params import SUBMISSION_RATE_LIMIT, get_int_param
from odoo.addons.complaint_management.tools.chat_intake import ANSWER_SIZES, subject_from

# what a free-input step may collect for the complaint, and how long it may be (as on the web form)
COMPLAINT_FIELDS = [
    ("partner_name", "Customer Name"),
    ("order_reference", "Order Reference"),
    ("description", "Description"),
]
# links the chat made of what the visitor typed: kept as their text, without footnotes
LINK_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)


def visitor_text(body):
    """What the visitor typed, as plain text, from a chat message's HTML body."""
    return html2plaintext(LINK_TAG.sub("<a>", body or ""))


class ChatbotScriptStep(models.Model):
    _inherit = "chatbot.script.step"

    step_type = fields.Selection(
        selection_add=[("create_complaint", "Create Complaint")], ondelete={"create_complaint": "cascade"}
    )
    complaint_field = fields.Selection(
        COMPLAINT_FIELDS,
        help="What the visitor's answer to this step fills in on the complaint a later "
        "'Create Complaint' step files.",
    )
    complaint_team_id = fields.Many2one(
        "complaint.team",
        ondelete="set null",
        help="The team of the complaints this step files; empty: the routing rules decide.",
    )

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
            self.chatbot_script_id, self._chatbot_file_complaint(discuss_channel)
        )

    @api.constrains("step_type", "sequence", "chatbot_script_id")
    def _check_create_complaint_after_a_question(self):
        for step in self.filtered(lambda s: s.step_type == "create_complaint"):
            # welcome steps are posted before the visitor says anything: nothing to file yet
            if step in step.chatbot_script_id._get_welcome_steps():
                raise ValidationError(
                    self.env._("A 'Create Complaint' step must come after the questions whose answers it files.")
                )

    def _chatbot_file_complaint(self, discuss_channel):
        """File the complaint the visitor described in `discuss_channel`, with the conversation as an
        internal note; return the bot's answer (HTML): the step's message and the tracking code, or
        what is missing."""
        values = self._chatbot_complaint_values(discuss_channel)
        public = self.env.user._is_public()
        if public and not values.get("partner_email"):
            return self._chatbot_answer(
                self.env._(
                    "I could not file your complaint without a valid email address. Please restart the "
                    "conversation, or use our complaint form at %(url)s.",
                    url=self._chatbot_form_url(),
                )
            )
        if not values.get("description"):
            return self._chatbot_answer(
                self.env._(
                    "I could not file your complaint without a description of what happened. Please restart "
                    "the conversation, or use our complaint form at %(url)s.",
                    url=self._chatbot_form_url(),
                )
            )
        Complaint = self.env["complaint.complaint"]
        if public:
            Attempt = self.env["complaint.intake.attempt"]
            keys = [("submit-ip", visitor_address()), ("submit-email", values["partner_email"])]
            if not Attempt._consume(keys, get_int_param(self.env, SUBMISSION_RATE_LIMIT)):
                return self._chatbot_answer(
                    self.env._("You have filed several complaints in a short time. Please try again in an hour.")
                )
            partner = Complaint._portal_customer(
                values.get("partner_name") or values["partner_email"],
                values["partner_email"],
                values.get("partner_mobile") or False,
                lang=self.env["chatbot.script"]._get_chatbot_language(),
            )
        else:
            # a logged-in customer files for their own contact, whatever name and email they typed
            partner = self.env.user.partner_id
            for name in ("partner_name", "partner_email", "partner_mobile"):
                values.pop(name, None)
        team = self.complaint_team_id
        if team and team.company_id in (partner.company_id or self.env.company, self.env["res.company"]):
            values["team_id"] = team.id
        complaint = Complaint._portal_create(values, [], partner)
        complaint.message_post(
            body=Markup("%s<br/><br/>%s")
            % (
                self.env._("Filed by the live-chat bot %(bot)s. The conversation:", bot=self.chatbot_script_id.title),
                self._chatbot_transcript(discuss_channel),
            ),
            author_id=self.chatbot_script_id.operator_partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        if complaint.partner_email:
            code = self.env._(
                "Your tracking code is %(code)s. We are also sending it to you by email, with a "
                "link to follow your complaint; please quote it whenever you contact us.",
                code=complaint.name,
            )
        else:
            code = self.env._(
                "Your tracking code is %(code)s. Please quote it whenever you contact us.", code=complaint.name
            )
        return self._chatbot_answer(self.message, code)

    def _chatbot_answers(self, discuss_channel):
        """The visitor's messages to the steps of this script that collect a complaint field, as
        plain texts by field, oldest first (since the last restart of the conversation)."""
        answers = {}
        bot_partner = self.chatbot_script_id.operator_partner_id
        # sudo: chatbot.message - the visitor's own answers in their conversation
        for chatbot_message in discuss_channel.sudo().chatbot_message_ids.sorted("id"):
            field = chatbot_message.script_step_id.complaint_field
            message = chatbot_message.mail_message_id
            text = visitor_text(message.body).strip()
            if field and text and message.author_id != bot_partner:
                answers.setdefault(field, []).append(text)
        return answers

    def _chatbot_complaint_values(self, discuss_channel):
        """The complaint's values from the visitor's answers: every message to the description's
        steps, the last answer to the other fields' steps and to the email and phone questions."""
        answers = self._chatbot_answers(discuss_channel)
        values = {
            field: " ".join(texts[-1].split())[: ANSWER_SIZES[field]]
            for field, texts in answers.items()
            if field != "description"
        }
        description = "\n".join(answers.get("description", []))[: ANSWER_SIZES["description"]].strip()
        contact = discuss_channel._chatbot_find_customer_values_in_messages(
            {"question_email": "email", "question_phone": "phone"}
        )
        phone = (contact.get("phone") or "").strip().translate(LOCAL_DIGITS)
        return {
            **values,
            "partner_email": tools.email_normalize(contact.get("email") or ""),
            "partner_mobile": phone if PHONE_PATTERN.fullmatch(phone) else False,
            "subject": subject_from(description),
            "description": plaintext2html(description) if description else False,
            "channel": "chat",
        }

    def _chatbot_transcript(self, discuss_channel):
        """The conversation since its last restart, as HTML lines 'author: text'."""
        # sudo: discuss.channel - the visitor's own conversation, whose authors they may not read
        channel = discuss_channel.sudo()
        since = min(channel.chatbot_message_ids.mail_message_id.ids, default=0)
        return Markup("").join(
            Markup("%s: %s<br/>") % (message.author_id.name or channel.anonymous_name, visitor_text(message.body))
            for message in channel.message_ids.filtered(lambda m: m.id >= since).sorted("id")
        )

    def _chatbot_answer(self, *texts):
        return Markup("").join(plaintext2html(text) for text in texts if text)

    def _chatbot_form_url(self):
        return f"{self.get_base_url()}/complaints/new"
