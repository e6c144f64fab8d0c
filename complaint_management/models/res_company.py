from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_public_statistics = fields.Boolean(
        string="Publish Complaint Statistics",
        help="Anyone may see, at /complaints/statistics, how many complaints this company received and "
        "resolved each month, how fast, and the main categories; no personal data.",
    )
