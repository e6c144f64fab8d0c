from odoo import fields, models


class MailGateway(models.Model):
    _inherit = "mail.gateway"

    complaint_intake = fields.Boolean(
        "Files Complaints",
        help="The bot of this gateway files complaints: it asks a new customer's name, mobile number, "
        "order and what happened, and threads their later messages to their open complaint. Other "
        "gateways' chats stay plain chats, which staff can turn into a complaint in one click.",
    )
