from io import BytesIO

from odoo import models
from odoo.tools import html2plaintext


class MailGatewayBale(models.AbstractModel):
    """Bale's bot API is Telegram's on another address: Telegram's gateway serves it, with two
    differences. Messages are marked as Bale's, and a message is sent to its chat id directly
    (Bale's getChat does not answer all Telegram's fields, which the Telegram gateway reads before
    each send). A webhook secret is checked as Telegram's: set one only if Bale sends it back."""

    _name = "mail.gateway.bale"
    _inherit = "mail.gateway.telegram"
    _description = "Bale Gateway services"

    def _process_update(self, chat, update):
        message = super()._process_update(chat, update)
        if message:
            message.sudo().gateway_type = "bale"
        return message

    async def _send_telegram(self, gateway, record, auto_commit=False, raise_exception=False, parse_mode=False):
        bot = self._get_telegram_bot(gateway.token)
        chat_id = record.gateway_channel_id.gateway_channel_token
        message = False
        body = self._get_message_body(record)
        if body:
            message = await bot.send_message(chat_id, html2plaintext(body))
        for attachment in record.mail_message_id.attachment_ids:
            if attachment.mimetype.split("/")[0] == "image":
                sent = await bot.send_photo(chat_id, BytesIO(attachment.raw))
            else:
                sent = await bot.send_document(chat_id, BytesIO(attachment.raw), filename=attachment.name)
            message = message or sent
        return message
