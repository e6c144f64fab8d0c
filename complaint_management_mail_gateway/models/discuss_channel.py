import asyncio
import logging

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext, plaintext2html

from odoo.addons.complaint_management.tools.chat_intake import subject_from
from odoo.addons.mail_gateway_whatsapp_api.tools.written_links import links_written_out

_logger = logging.getLogger(__name__)

# the customer-service window of WhatsApp's Cloud API
WHATSAPP_WINDOW_HOURS = 24

try:
    import telegram
except ImportError:  # an external dependency of mail_gateway_telegram, which this addon needs
    telegram = None


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    complaint_ids = fields.One2many("complaint.complaint", "messenger_channel_id", string="Complaints")

    def action_complaint_from_chat(self):
        """Staff's click in a messenger chat: the chat's open complaint, else a new one filed from
        what the customer wrote since its last complaint (files included), of which the customer
        gets the tracking code and link."""
        self.ensure_one()
        if self.channel_type != "gateway" or not self.gateway_id:
            raise UserError(self.env._("Only a chat of a messenger gateway becomes a complaint."))
        complaint = self.complaint_ids.filtered(lambda c: not c.stage_id.is_closed)[:1]
        if not complaint:
            complaint = self._file_complaint_from_chat()
        return complaint.get_formview_action()

    def _file_complaint_from_chat(self):
        # sudo: the gateway and its customer links are the gateway administrators'; the partner is
        # the chat's customer, whom staff answer in the chat
        chat = self.sudo()
        link = (
            self.env["res.partner.gateway.channel"]
            .sudo()
            .search(
                [("gateway_id", "=", chat.gateway_id.id), ("gateway_token", "=", chat.gateway_channel_token)], limit=1
            )
        )
        partner = link.partner_id
        if not partner:
            partner = self.env["res.partner"].sudo().create({"name": chat.anonymous_name or chat.name})
            link.create(
                {
                    "partner_id": partner.id,
                    "gateway_id": chat.gateway_id.id,
                    "gateway_token": chat.gateway_channel_token,
                }
            )
        since = max(chat.complaint_ids.mapped("create_date"), default=False)
        messages = chat.message_ids.filtered(
            lambda m: m.message_type == "comment"
            and m.author_id != self.env.ref("base.partner_root")
            and not any(not user.share for user in m.author_id.user_ids)
            and (not since or m.create_date > since)
        ).sorted("id")
        text = "\n".join(filter(None, (html2plaintext(links_written_out(m.body or "")).strip() for m in messages)))
        complaint = self.env["complaint.complaint"].create(
            {
                "subject": subject_from(text) or self.env._("Complaint from the chat with %(name)s", name=partner.name),
                "description": plaintext2html(text) if text else False,
                "partner_id": partner.id,
                "channel": chat.gateway_id.gateway_type,
                "messenger_channel_id": self.id,
                "contact_channel": False,  # not asked: the chat, where the complaint's news go
            }
        )
        if messages.attachment_ids:
            complaint._messenger_post(self.env._("Files sent in the chat"), partner, messages.attachment_ids)
        self.env["complaint.messenger.intake"].sudo().search(
            [("channel_id", "=", self.id), ("step", "!=", "filed")]
        ).write({"step": "filed", "complaint_id": complaint.id})
        lang = partner.lang or chat.gateway_id.company_id.partner_id.lang
        self.with_context(lang=lang)._messenger_reply(
            self.with_context(lang=lang).env._(
                "We have filed your complaint. Its tracking code is %(code)s; follow it at %(url)s.",
                code=complaint.name,
                url=complaint.get_base_url() + complaint.get_portal_url(),
            )
        )
        return complaint

    def _messenger_reply(self, text, contact_button=None, attachments=None):
        """Says ``text`` (plain) to the customer of this messenger chat, as the bot, with a button
        sharing their phone number when ``contact_button`` (its label) is given, and sends the
        ``attachments`` (ir.attachment) after it; staff read it in the chat. A messenger that does
        not answer is logged: the chat keeps the message."""
        self.ensure_one()
        if self.gateway_id.gateway_type == "whatsapp":
            self._whatsapp_reply(text, attachments or self.env["ir.attachment"])
            return
        # no_gateway_notification: sent here, with its keyboard, rather than by the gateway
        self.with_context(no_gateway_notification=True).sudo().message_post(
            body=plaintext2html(text),
            author_id=self.env.ref("base.partner_root").id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        if contact_button:
            keyboard = telegram.ReplyKeyboardMarkup(
                [[telegram.KeyboardButton(contact_button, request_contact=True)]],
                one_time_keyboard=True,
                resize_keyboard=True,
            )
        else:
            keyboard = telegram.ReplyKeyboardRemove()
        gateway = self.gateway_id.sudo()
        bot = self.env[f"mail.gateway.{gateway.gateway_type}"]._get_telegram_bot(gateway.token)
        try:
            asyncio.run(self._messenger_send(bot, text, keyboard, attachments or self.env["ir.attachment"]))
        except telegram.error.TelegramError as error:
            _logger.warning("Chat %s: the messenger did not take the bot's answer: %s", self.id, error)

    def _whatsapp_reply(self, text, attachments):
        """WhatsApp's gateway sends what is posted in its chats (files of the kinds WhatsApp
        takes; the customer is told where the others are); it has no button sharing a number."""
        kinds = self.env["mail.gateway.whatsapp"]._get_whatsapp_mimetype_kind()
        sendable = attachments.filtered(lambda attachment: attachment.mimetype in kinds)
        if attachments - sendable:
            text += "\n\n" + self.env._("Some files could not be sent here: you find them on your complaint's page.")
        chat = self.sudo().with_context(no_gateway_notification=False)
        chat.message_post(
            body=plaintext2html(text),
            author_id=self.env.ref("base.partner_root").id,
            attachment_ids=[
                attachment.copy({"res_model": self._name, "res_id": self.id}).id for attachment in sendable.sudo()
            ],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _messenger_can_reach(self):
        """Whether a message the customer did not ask for (a status change, the feedback
        request) can go to this chat now: WhatsApp takes one only within 24 hours of the
        customer's last message (outside, only a template Meta approved)."""
        self.ensure_one()
        if self.gateway_id.gateway_type != "whatsapp":
            return True
        since = fields.Datetime.subtract(fields.Datetime.now(), hours=WHATSAPP_WINDOW_HOURS)
        recent = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("message_type", "=", "comment"),
                    ("date", ">=", since),
                    ("author_id", "!=", self.env.ref("base.partner_root").id),
                ]
            )
        )
        return any(
            message.author_guest_id or not any(not user.share for user in message.author_id.user_ids)
            for message in recent
        )

    async def _messenger_send(self, bot, text, keyboard, attachments):
        chat_id = self.gateway_channel_token
        await bot.send_message(chat_id, text, reply_markup=keyboard)
        for attachment in attachments:
            await bot.send_document(chat_id, attachment.raw, filename=attachment.name)
