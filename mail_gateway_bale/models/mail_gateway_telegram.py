import mimetypes

from markupsafe import Markup

from odoo import models
from odoo.tools import SQL
from odoo.tools.mimetypes import guess_mimetype

from .mail_gateway import BOT_API_URLS

# the bidirectional embeddings, overrides and isolates: in a name they make it read backwards
# (a spoofed name in the Discuss sidebar); the zero-width non-joiner of Persian names stays
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def plain_name(name):
    """A name a messenger user chose, on one line and reading in its own direction."""
    return " ".join((name or "").translate(BIDI_CONTROLS).split())


try:
    import telegram
except ImportError:  # an external dependency of the manifest: installing the addon needs it
    telegram = None


class MailGatewayTelegram(models.AbstractModel):
    _inherit = "mail.gateway.telegram"

    def _get_channel(self, gateway, token, update, force_create=False):
        """A chat's first updates delivered at once (the messenger sends them in parallel) open
        one Discuss chat: the transactions opening a chat of the gateway write its row, so that
        the later ones conflict with the first and are run again by Odoo, finding its chat."""
        if (force_create or not gateway.has_new_channel_security) and not gateway._get_channel_id(token):
            self.env.cr.execute(SQL("UPDATE mail_gateway SET write_date = write_date WHERE id = %s", gateway.id))
        return super()._get_channel(gateway, token, update, force_create=force_create)

    def _get_telegram_bot(self, token=False):
        """The bot of the gateway of ``token``, on its Bot API address."""
        gateway = self.env["mail.gateway"].sudo().search([("token", "=", token)], limit=1) if token else None
        api_url = ((gateway and gateway.bot_api_url) or BOT_API_URLS["telegram"]).rstrip("/")
        return telegram.Bot(token, base_url=f"{api_url}/bot", base_file_url=f"{api_url}/file/bot")

    async def _process_telegram_attachment(self, attachment):
        """Files named with the extension of the type the messenger gives (Odoo guesses a type
        from the content, which it cannot for voice notes or videos without python-magic), voice
        notes kept as such."""
        result = await super()._process_telegram_attachment(attachment)
        mime_type = getattr(attachment, "mime_type", None)
        if not result or not mime_type:
            return result
        name, data, info = result
        guessed = mimetypes.guess_extension(guess_mimetype(data)) or ""
        stem = name[: -len(guessed)] if guessed and name.endswith(guessed) else name
        extension = mimetypes.guess_extension(mime_type) or guessed
        name = stem if stem.lower().endswith(extension.lower()) else stem + extension
        if isinstance(attachment, telegram.Voice):
            info = {**info, "voice": True}
        return name, data, info

    def _process_update(self, chat, update):
        """A text message keeps its formatting as the messenger sent it: its HTML (which
        python-telegram-bot escapes) was posted as plain text, so staff read ``&amp;lt;``."""
        message = super()._process_update(chat, update)
        if message and update.message.text_html and not update.message.effective_attachment:
            message.sudo().body = Markup(update.message.text_html)
        return message

    def _get_channel_vals(self, gateway, token, update):
        values = super()._get_channel_vals(gateway, token, update)
        for key in ("name", "anonymous_name"):
            if values.get(key):
                values[key] = plain_name(values[key])
        return values

    def _get_author_vals(self, gateway, update):
        values = super()._get_author_vals(gateway, update)
        values["name"] = plain_name(values.get("name"))
        return values
