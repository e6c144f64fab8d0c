import logging
import re

from odoo import models

from odoo.addons.mail_gateway_whatsapp_api.tools.webhook_update import MEDIA_KINDS

_logger = logging.getLogger(__name__)

# what a customer may send with a complaint: kept as attachments (a sticker is not)
FILE_KINDS = ("image", "audio", "video", "document")
# what tells nothing and asks no answer
SILENT_KINDS = ("reaction", "system", "request_welcome", "ephemeral")
PERSIAN_LETTERS = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")


def language_of(text):
    """The language a customer who writes ``text`` is answered in: WhatsApp tells none."""
    if PERSIAN_LETTERS.search(text or ""):
        return "fa"
    if LATIN_LETTERS.search(text or ""):
        return "en"
    return None


def customer_message(message):
    """A WhatsApp message as the complaint intake reads a messenger's: its sender (whose id is
    their phone number) and its text, or its file's caption."""
    captions = [message[kind].get("caption") for kind in MEDIA_KINDS if message.get(kind)]
    text = (message.get("text") or {}).get("body") or next(filter(None, captions), "")
    return {
        "from": {"id": message["from"], "phone_number": f"+{message['from']}", "language_code": language_of(text)},
        "text": text,
    }


class MailGatewayWhatsapp(models.AbstractModel):
    """WhatsApp's gateway hands the messages of a gateway that files complaints to the complaint
    intake: once each, files within the size limit, and only what a complaint can keep. Other
    gateways work as OCA made them."""

    _inherit = "mail.gateway.whatsapp"

    def _process_update(self, chat, message, value):
        gateway = chat.gateway_id
        if not gateway.complaint_intake or message.get("type") in SILENT_KINDS:
            return super()._process_update(chat, message, value)
        if not self.env["complaint.messenger.update"].sudo()._claim(gateway, message["id"]):
            _logger.info("Gateway %s: message %s received again, dropped", gateway.id, message["id"])
            return None
        Intake = self.env["complaint.messenger.intake"].sudo()
        said = customer_message(message)
        if not said["text"] and not any(message.get(kind) for kind in FILE_KINDS):
            Intake._reply_outside_conversation(gateway, chat.gateway_channel_token, said, "unsupported")
            return None
        Message = self.env["mail.message"].sudo()
        in_chat = [("model", "=", "discuss.channel"), ("res_id", "=", chat.id)]
        last_id = Message.search(in_chat, order="id desc", limit=1).id or 0
        result = super()._process_update(chat, message, value)
        # the customer's message (not the bot's answer to a file WhatsApp did not give)
        new_message = Message.search(
            [
                *in_chat,
                ("id", ">", last_id),
                ("message_type", "=", "comment"),
                ("author_id", "!=", self.env.ref("base.partner_root").id),
            ],
            order="id",
            limit=1,
        )
        if new_message:
            Intake._refuse_files_not_kept(chat, new_message, said)
        Intake._on_customer_message(chat, new_message, said)
        return result

    def _get_author(self, gateway, update):
        """The sender, as OCA finds them; but on a gateway that files complaints (for the contact
        it greets by name and files for), a contact OCA matched by one of its numbers is the
        sender only if it is a customer whose mobile number it is: a shared or recycled landline,
        or the number of a staff member, makes the sender a guest of their own."""
        if not gateway.complaint_intake:
            return super()._get_author(gateway, update)
        Link = self.env["res.partner.gateway.channel"].sudo()
        number = str(update["messages"][0]["from"])
        linked = Link.search([("gateway_id", "=", gateway.id), ("gateway_token", "=", number)], limit=1)
        author = super()._get_author(gateway, update)
        if linked or not author or author._name != "res.partner" or self._is_their_mobile(author, number):
            return author
        Link.search([("gateway_id", "=", gateway.id), ("gateway_token", "=", number)]).unlink()
        guest = self.env["mail.guest"].search(
            [("gateway_id", "=", gateway.id), ("gateway_token", "=", number)], limit=1
        )
        return guest or self.env["mail.guest"].sudo().create(self._get_author_vals(gateway, number, update))

    @staticmethod
    def _is_their_mobile(partner, number):
        if any(not user.share for user in partner.with_context(active_test=False).user_ids):
            return False
        return bool(partner.mobile) and partner._phone_format(number=partner.mobile) == f"+{number}"

    def _media_not_fetched(self, chat, message):
        result = super()._media_not_fetched(chat, message)
        if chat.gateway_id.complaint_intake:
            Intake = self.env["complaint.messenger.intake"].sudo()
            Intake._reply_outside_conversation(
                chat.gateway_id, chat.gateway_channel_token, customer_message(message), "not_fetched"
            )
        return result
