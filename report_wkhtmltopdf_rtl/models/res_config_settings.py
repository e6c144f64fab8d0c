from odoo import api, fields, models

from .ir_actions_report import wkhtmltopdf_on_unpatched_qt


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    report_wkhtmltopdf_unpatched_qt = fields.Boolean(
        string="wkhtmltopdf without Patched Qt", compute="_compute_report_wkhtmltopdf_unpatched_qt"
    )

    # on the company, as the settings page computes what depends on it when it opens
    @api.depends("company_id")
    def _compute_report_wkhtmltopdf_unpatched_qt(self):
        self.report_wkhtmltopdf_unpatched_qt = wkhtmltopdf_on_unpatched_qt()
