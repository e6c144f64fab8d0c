from odoo import models

from odoo.addons.mail_gateway.models.mail_thread import MailThread as GatewayMailThread


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _thread_to_store(self, store, /, *, fields=None, request_list=None):
        """OCA's gateway adds the followers a gateway reaches to every thread it sends to the
        browser, reading its followers: for those who may not (a live-chat visitor, a portal
        customer), that read fails and their chat no longer loads. They get the thread without."""
        if self.env["mail.followers"].has_access("read"):
            return super()._thread_to_store(store, fields=fields, request_list=request_list)
        return super(GatewayMailThread, self)._thread_to_store(store, fields=fields, request_list=request_list)
