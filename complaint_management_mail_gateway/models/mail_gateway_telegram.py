import logging

from odoo import models

try:
    import telegram
except ImportError:  # an external dependency of mail_gateway_telegram, which this addon needs
    telegram = None

from .complaint_messenger_intake import MEGABYTE

_logger = logging.getLogger(__name__)

# what a customer may send with a complaint: kept as attachments
FILE_KINDS = ("photo", "document", "voice", "audio", "video", "video_note", "animation")
# what a message may hold that says nothing of a complaint
UNSUPPORTED_KINDS = ("sticker", "dice", "poll", "location", "venue", "game", "invoice", "story", "paid_media")


def is_id(value):
    """Whether ``value`` is a messenger id: a number, maybe written as text."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and value.removeprefix("-").isdigit())


def well_formed(message):
    """Whether an update's message has what the gateway reads: its chat's id, its sender, its date."""
    if not isinstance(message, dict):
        return False
    chat, sender = message.get("chat"), message.get("from")
    return (
        isinstance(chat, dict)
        and is_id(chat.get("id"))
        and isinstance(sender, dict)
        and is_id(sender.get("id"))
        and isinstance(message.get("date"), int)
        and all(well_formed_file(kind, message[kind]) for kind in FILE_KINDS if message.get(kind))
    )


def well_formed_file(kind, file):
    """Whether a file of a message is described as the messenger does: a photo by a list of its
    sizes, any other file by one description, each with its id."""
    files = file if kind == "photo" and isinstance(file, list) else [file]
    return all(isinstance(each, dict) and isinstance(each.get("file_id"), str) for each in files) and bool(files)


def from_its_own_chat(message):
    """Whether a message comes from a private chat with its sender: a complaint is filed for
    whoever is asked, which in a group is not who answers."""
    return message["chat"].get("type") == "private" and str(message["chat"]["id"]) == str(message["from"]["id"])


def without_file(message):
    """The message without its file, its caption as its text."""
    kind = message_file(message)[0]
    message = {key: value for key, value in message.items() if key != kind}
    if message.get("caption"):
        message["text"] = message.pop("caption")
    return message


def message_file(message):
    """``(kind, file)`` of the file a messenger message holds, the largest size of a photo."""
    for kind in FILE_KINDS:
        if message.get(kind):
            file = message[kind]
            return kind, (max(file, key=lambda size: size.get("file_size") or 0) if kind == "photo" else file)
    return None, None


class MailGatewayTelegram(models.AbstractModel):
    """Telegram's gateway (and Bale's, which inherits it) hands the messages of a gateway that
    files complaints to the complaint intake: once each, files within the size limit, and only
    what a complaint can keep. Other gateways work as OCA made them."""

    _inherit = "mail.gateway.telegram"

    def _receive_update(self, gateway, update):
        message = update.get("message")
        if not well_formed(message):
            return None  # an edit, a button press, a member change, a malformed update: nothing to file
        if not gateway.complaint_intake or not from_its_own_chat(message):
            # a gateway that files no complaints, or a group: a plain chat, as OCA makes it
            return super()._receive_update(gateway, update)
        if "update_id" in update and not self.env["complaint.messenger.update"].sudo()._claim(
            gateway, update["update_id"]
        ):
            _logger.info("Gateway %s: update %s received again, dropped", gateway.id, update["update_id"])
            return None
        Intake = self.env["complaint.messenger.intake"].sudo()
        chat_token = str(message["chat"]["id"])
        kind, file = message_file(message)
        if not message.get("text") and not message.get("contact") and not kind:
            Intake._reply_outside_conversation(gateway, chat_token, message, "unsupported")
            return None
        limit_mb = self.env["complaint.complaint"]._portal_file_limits()["max_mb"]
        if file and (file.get("file_size") or 0) > limit_mb * MEGABYTE:
            Intake._reply_outside_conversation(
                gateway, chat_token, message, "too_large", size=file["file_size"], limit_mb=limit_mb
            )
            message = without_file(message)
            if not message.get("text"):
                return None
        shown = message
        if message.get("contact"):
            # a shared contact goes into the chat as its number (the gateway reads a contact's
            # vcard, which messengers leave out)
            contact = message["contact"]
            shown = {key: value for key, value in message.items() if key != "contact"}
            shown["text"] = " ".join(filter(None, (contact.get("first_name"), contact.get("phone_number"))))
        new_message = self._post_in_chat(gateway, dict(update, message=shown), Intake, super()._receive_update)
        chat = self.env["discuss.channel"].sudo().browse(gateway._get_channel_id(chat_token))
        if chat and new_message:
            Intake._refuse_files_not_kept(chat, new_message, message)
        if chat:
            Intake._on_customer_message(chat, new_message or self.env["mail.message"], message)
        return new_message

    def _post_in_chat(self, gateway, update, Intake, post):
        """The customer's message posted in its chat by the gateway (``post``); a file the messenger does not
        give (expired, over its API's size, its API down) is left out and the customer told so,
        rather than failing the webhook, which the messenger would deliver again and again."""
        message = update["message"]
        if not message_file(message)[0]:
            return post(gateway, update)
        try:
            with self.env.cr.savepoint():
                return post(gateway, update)
        except telegram.error.TelegramError as error:
            _logger.warning(
                "Gateway %s: the file of update %s not fetched: %s", gateway.id, update.get("update_id"), error
            )
        Intake._reply_outside_conversation(gateway, str(message["chat"]["id"]), message, "not_fetched")
        message = without_file(message)
        if not message.get("text"):
            return None
        return post(gateway, dict(update, message=message))
