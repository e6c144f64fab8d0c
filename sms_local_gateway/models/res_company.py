from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sms_gateway_id = fields.Many2one(
        "sms.gateway",
        "SMS Gateway",
        groups="base.group_system",
        domain="[('company_id', '=', id)]",
        help="The gateway the company's SMS go through; none: Odoo IAP.",
    )
