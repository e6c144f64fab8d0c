from odoo import fields, models

from odoo.addons.mail_gateway_whatsapp.models import mail_gateway as oca_mail_gateway

from ..tools.graph_api import META_ADDRESS, GraphApiRequests, graph_api_address

oca_mail_gateway.requests = GraphApiRequests()


class MailGateway(models.Model):
    _inherit = "mail.gateway"

    whatsapp_api_url = fields.Char(
        "Graph API Address",
        default=META_ADDRESS,
        help="Where WhatsApp's Cloud API answers: Meta's Graph API, or a provider's or a proxy's "
        "copy of it. Messages, files and templates are asked there.",
    )

    def button_import_whatsapp_template(self):
        self.ensure_one()
        with graph_api_address(self.whatsapp_api_url):
            return super().button_import_whatsapp_template()
