import hashlib
import hmac
import logging

import requests

from odoo import models
from odoo.http import request
from odoo.tools import SQL

from odoo.addons.mail_gateway_whatsapp.models import mail_gateway_whatsapp as oca_whatsapp

from ..tools.graph_api import GraphApiRequests, graph_api_address
from ..tools.webhook_update import MEDIA_KINDS, well_formed_update, without_media
from ..tools.written_links import links_written_out

_logger = logging.getLogger(__name__)

oca_whatsapp.requests = GraphApiRequests()


class MailGatewayWhatsapp(models.AbstractModel):
    """OCA's WhatsApp gateway on the gateway's Graph API address; an update is taken only signed
    with the gateway's app secret, and a part of it that is malformed, or a file Meta does not
    give, no longer fails the whole webhook."""

    _inherit = "mail.gateway.whatsapp"

    def _verify_update(self, bot_data, kwargs):
        signature = request.httprequest.headers.get("X-Hub-Signature-256") or ""
        secret = bot_data.get("webhook_secret")
        if not secret or not signature:
            return False
        digest = hmac.new(secret.encode(), request.httprequest.get_data(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(f"sha256={digest}", signature)

    def _receive_update(self, gateway, update):
        with graph_api_address(gateway.whatsapp_api_url):
            return super()._receive_update(gateway, well_formed_update(update))

    def _get_channel(self, gateway, token, update, force_create=False):
        """A number's first messages delivered at once open one chat: the transactions opening a
        chat of the gateway all write its row, so that the later ones conflict with the first and
        are run again by Odoo, when they find the chat it opened."""
        if (force_create or not gateway.has_new_channel_security) and not gateway._get_channel_id(token):
            self.env.cr.execute(SQL("UPDATE mail_gateway SET write_date = write_date WHERE id = %s", gateway.id))
        return super()._get_channel(gateway, token, update, force_create=force_create)

    def _send(self, gateway, record, auto_commit=False, raise_exception=False, parse_mode=False):
        with graph_api_address(gateway.whatsapp_api_url):
            return super()._send(
                gateway, record, auto_commit=auto_commit, raise_exception=raise_exception, parse_mode=parse_mode
            )

    def _html_to_whatsapp(self, body):
        """Links written out where they stand (Odoo's plain text numbers them and lists their
        addresses after the message)."""
        return super()._html_to_whatsapp(links_written_out(body))

    def _process_update(self, chat, message, value):
        if not any(message.get(kind) for kind in MEDIA_KINDS):
            return super()._process_update(chat, message, value)
        try:
            with self.env.cr.savepoint():
                return super()._process_update(chat, message, value)
        except (requests.RequestException, KeyError, ValueError) as error:
            _logger.warning("Chat %s: the file of WhatsApp message %s not fetched: %s", chat.id, message["id"], error)
        self._media_not_fetched(chat, message)
        return super()._process_update(chat, without_media(message), value)

    def _media_not_fetched(self, chat, message):
        """A file of ``message`` Meta did not give (expired, deleted, its API down): staff see it
        in the chat, which the customer does not."""
        chat.sudo().message_post(
            body=self.env._("A file the customer sent could not be received from WhatsApp."),
            message_type="notification",
        )
