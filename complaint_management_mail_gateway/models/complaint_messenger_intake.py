import re

from odoo import api, fields, models
from odoo.tools import plaintext2html

from odoo.addons.complaint_management.models.complaint_complaint import LOCAL_DIGITS, PHONE_PATTERN
from odoo.addons.complaint_management.models.complaint_portal_params import SUBMISSION_RATE_LIMIT, get_int_param
from odoo.addons.complaint_management.tools.chat_intake import ANSWER_SIZES, subject_from
from odoo.addons.complaint_management.tools.file_types import file_kind
from odoo.addons.complaint_management.tools.single_line import single_line

STEPS = [
    ("name", "Name"),
    ("phone", "Phone"),
    ("order", "Order Reference"),
    ("description", "Description"),
    ("filed", "Filed"),
]
# answers to "your order reference?" that mean "none"
NO_ORDER = {"-", "no", "none", "نه", "خیر", "ندارم", "ندارد", "نیست"}
# the languages of the sender's language code (Telegram's, or the script of their first message) we answer in
LANGUAGES = {"fa": "fa_IR", "en": "en_US"}
MEGABYTE = 1024 * 1024


def one_line(text, size):
    return single_line(text or "")[:size]


class ComplaintMessengerIntake(models.Model):
    """A customer's conversation with the company's bot that files a complaint: the questions
    asked (name, phone number, order reference, what happened), the answers and files so far,
    and the complaint filed."""

    _name = "complaint.messenger.intake"
    _description = "Complaint Intake by Messenger"
    _order = "id desc"

    channel_id = fields.Many2one("discuss.channel", required=True, ondelete="cascade", index=True, readonly=True)
    step = fields.Selection(STEPS, required=True, default="name", readonly=True)
    lang = fields.Char(readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    partner_name = fields.Char(readonly=True)
    partner_mobile = fields.Char(readonly=True)
    order_reference = fields.Char(readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", readonly=True)
    complaint_id = fields.Many2one("complaint.complaint", readonly=True, ondelete="set null")

    # ------------------------------------------------------------
    # A CUSTOMER'S MESSAGE
    # ------------------------------------------------------------

    @api.model
    def _on_customer_message(self, chat, message, update_message):
        """``message`` (mail.message, maybe empty) the gateway posted in ``chat`` from
        ``update_message`` (the messenger's message): to the open complaint of the chat, or an
        answer to the bot's question."""
        open_complaint = chat.complaint_ids.filtered(lambda c: not c.stage_id.is_closed)[:1]
        if open_complaint:
            open_complaint._messenger_customer_message(message)
            return
        intake = self.search([("channel_id", "=", chat.id), ("step", "!=", "filed")], limit=1)
        if not intake:
            intake = self._start(chat, update_message)
            if intake:
                intake._keep_files(message)
            return
        intake._keep_files(message)
        intake.with_context(lang=intake.lang)._answer(update_message)

    @api.model
    def _start(self, chat, update_message):
        sender = update_message.get("from") or {}
        lang = LANGUAGES.get((sender.get("language_code") or "")[:2]) or chat.gateway_id.company_id.partner_id.lang
        if not self.env["res.lang"]._get_data(code=lang or "").active:
            lang = self.env.ref("base.user_admin").lang
        partner = (
            self.env["res.partner.gateway.channel"]
            .search([("gateway_id", "=", chat.gateway_id.id), ("gateway_token", "=", str(sender.get("id")))], limit=1)
            .partner_id
        )
        # a messenger that identifies its users by phone number (WhatsApp) gives it with the message
        mobile = partner.mobile or sender.get("phone_number")
        intake = self.create({"channel_id": chat.id, "lang": lang, "partner_id": partner.id, "partner_mobile": mobile})
        intake = intake.with_context(lang=lang)
        if partner and mobile:
            intake.write({"partner_name": partner.name, "step": "order"})
            intake._say(
                intake.env._("Hello %(name)s! I will file your complaint.", name=partner.name), intake._question()
            )
        else:
            intake._say(
                intake.env._("Hello! I will file your complaint and give you its tracking code."), intake._question()
            )
        return intake

    def _answer(self, update_message):
        """Takes the answer to the current question, and asks the next one (or files)."""
        self.ensure_one()
        text = (update_message.get("text") or update_message.get("caption") or "").strip()
        if text.startswith("/start"):
            self._say(self._question())
            return
        if self.step == "name":
            if not one_line(text, ANSWER_SIZES["partner_name"]):
                self._say(self._question())
                return
            self.write(
                {
                    "partner_name": one_line(text, ANSWER_SIZES["partner_name"]),
                    "step": "order" if self.partner_mobile else "phone",
                }
            )
        elif self.step == "phone":
            phone = self._phone_of(update_message)
            if not phone:
                self._say(self.env._("That is not a phone number I can call."), self._question())
                return
            self.write({"partner_mobile": phone, "step": "order"})
        elif self.step == "order":
            if not text:
                self._say(self._question())
                return
            reference = one_line(text, ANSWER_SIZES["order_reference"])
            self.write(
                {"order_reference": False if reference.lower() in NO_ORDER else reference, "step": "description"}
            )
        elif self.step == "description":
            if not text:
                self._say(self.env._("Thank you, I keep the file. Now tell me in a few words what happened."))
                return
            self._file(text)
            return
        self._say(self._question())

    def _question(self):
        questions = {
            "name": self.env._("What is your name?"),
            "phone": self.env._("What is your mobile number? Press the button below to share it, or type it."),
            "order": self.env._("What is your order number? If there is none, answer “no”."),
            "description": self.env._(
                "What happened? Tell us in your own words; you can also send photos, voice notes, videos "
                "and documents."
            ),
        }
        return questions.get(self.step, "")

    def _say(self, *texts):
        contact_button = self.env._("Share my mobile number") if self.step == "phone" else None
        self.channel_id._messenger_reply("\n\n".join(text for text in texts if text), contact_button=contact_button)

    @staticmethod
    def _phone_of(update_message):
        contact = update_message.get("contact") or {}
        sender = (update_message.get("from") or {}).get("id")
        # a shared contact proves the number only when it is the sender's own
        if contact.get("phone_number") and (not contact.get("user_id") or contact.get("user_id") == sender):
            text = contact["phone_number"]
        else:
            text = update_message.get("text") or ""
        phone = text.strip().translate(LOCAL_DIGITS)
        return phone if PHONE_PATTERN.fullmatch(phone) and len(re.sub(r"\D", "", phone)) >= 7 else False

    def _keep_files(self, message):
        if message and message.attachment_ids:
            self.attachment_ids = [(4, attachment.id) for attachment in message.attachment_ids]

    # ------------------------------------------------------------
    # FILING
    # ------------------------------------------------------------

    def _file(self, description):
        self.ensure_one()
        Attempt = self.env["complaint.intake.attempt"]
        chat = self.channel_id
        keys = [("submit-messenger", f"{chat.gateway_id.id}:{chat.gateway_channel_token}")]
        if not Attempt._consume(keys, get_int_param(self.env, SUBMISSION_RATE_LIMIT)):
            self._say(self.env._("You have filed several complaints in a short time. Please try again in an hour."))
            return
        Complaint = self.env["complaint.complaint"]
        partner = self.partner_id or Complaint._portal_customer(
            self.partner_name, False, self.partner_mobile, lang=self.lang
        )
        if not self.partner_id:
            self.env["res.partner.gateway.channel"].create(
                {
                    "partner_id": partner.id,
                    "gateway_id": chat.gateway_id.id,
                    "gateway_token": chat.gateway_channel_token,
                }
            )
        description = description[: ANSWER_SIZES["description"]]
        values = {
            "subject": subject_from(description),
            "description": plaintext2html(description),
            "partner_name": self.partner_name,
            "partner_mobile": self.partner_mobile,
            "order_reference": self.order_reference,
            "channel": chat.gateway_id.gateway_type,
            "messenger_channel_id": chat.id,
            "contact_channel": False,  # not asked: the chat, where the complaint's news go
        }
        complaint = Complaint.with_context(lang=self.lang)._portal_create(values, [], partner)
        if self.attachment_ids:
            complaint._messenger_post(self.env._("Files sent with the complaint"), partner, self.attachment_ids)
        self.write({"step": "filed", "complaint_id": complaint.id})
        self._say(
            self.env._(
                "Your complaint is filed. Its tracking code is %(code)s; follow it at %(url)s. Write here "
                "whenever you have more to tell us: it goes to your complaint.",
                code=complaint.name,
                url=complaint.get_base_url() + complaint.get_portal_url(),
            )
        )

    # ------------------------------------------------------------
    # WHAT THE BOT CANNOT TAKE
    # ------------------------------------------------------------

    @api.model
    def _refuse_files_not_kept(self, chat, new_message, update_message):
        """Files of the customer's message ``new_message`` a complaint does not keep are taken
        out of the chat, and the customer told why: over the public form's size limit, or of a
        kind it refuses (recognised by content: it keeps images, PDF documents, audio and video
        recordings)."""
        Complaint = self.env["complaint.complaint"]
        limit_mb = Complaint._portal_file_limits()["max_mb"]
        too_large = new_message.attachment_ids.filtered(lambda a: a.file_size > limit_mb * MEGABYTE)
        if too_large:
            self._reply_outside_conversation(
                chat.gateway_id,
                chat.gateway_channel_token,
                update_message,
                "too_large",
                size=too_large[0].file_size,
                limit_mb=limit_mb,
            )
            too_large.sudo().unlink()
        refused = (new_message.attachment_ids - too_large).filtered(lambda a: not file_kind(a.name, a.raw))
        if not refused:
            return
        lang = self._chat_lang(chat, update_message)
        error = Complaint.with_context(lang=lang)._portal_check_files(
            [{"name": refused[0].name, "data": refused[0].raw}]
        )
        refused.sudo().unlink()
        chat.with_context(lang=lang)._messenger_reply(error)

    @api.model
    def _reply_outside_conversation(self, gateway, chat_token, update_message, reason, **values):
        """Tells the customer why their message was not taken: a kind the bot cannot keep
        ("unsupported"), a file over the size limit ("too_large", ``size``, ``limit_mb``), or one
        the messenger did not give ("not_fetched")."""
        chat = self.env["discuss.channel"].browse(gateway._get_channel_id(chat_token))
        if not chat:
            chat = self.env[f"mail.gateway.{gateway.gateway_type}"]._get_channel(
                gateway, chat_token, self._telegram_update(gateway, update_message)
            )
        if not chat:
            return
        env = self.with_context(lang=self._chat_lang(chat, update_message)).env
        texts = {
            "unsupported": lambda: env._(
                "I cannot keep that kind of message. Please write your answer, or send a photo, a voice "
                "note, a video or a document."
            ),
            "too_large": lambda: env._(
                "This file is too large (%(size)s MB): the limit is %(limit)s MB. Please send a smaller "
                "one, or describe it in words.",
                size=round(values["size"] / MEGABYTE, 1),
                limit=values["limit_mb"],
            ),
            "not_fetched": lambda: env._("I could not receive your file. Please send it again."),
        }
        chat._messenger_reply(texts[reason]())

    def _chat_lang(self, chat, update_message):
        intake = self.search([("channel_id", "=", chat.id)], limit=1)
        code = LANGUAGES.get(((update_message.get("from") or {}).get("language_code") or "")[:2])
        return intake.lang or code or chat.gateway_id.company_id.partner_id.lang

    @api.model
    def _telegram_update(self, gateway, update_message):
        import telegram  # noqa: PLC0415 an external dependency of the gateway, present where it runs

        return telegram.Update.de_json(
            {"update_id": 0, "message": update_message},
            self.env[f"mail.gateway.{gateway.gateway_type}"]._get_telegram_bot(gateway.token),
        )
