import json

from odoo import api, fields, models

from ..tools.cron_batches import isolate_failures


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_public_statistics = fields.Boolean(
        string="Publish Complaint Statistics",
        help="Anyone may see, at /complaints/statistics, how many complaints this company received and "
        "resolved each month, how fast, and the main categories; no personal data.",
    )
    # the public statistics page's figures, worked out once a day in each installed language, as
    # JSON text (XML-RPC cannot carry a Json field's nulls): {"day": "2026-12-07", "figures":
    # {"en_US": {...}, "fa_IR": {...}}}
    complaint_public_statistics_json = fields.Text(
        string="Published Complaint Statistics",
        readonly=True,
        copy=False,
        prefetch=False,
        groups="base.group_system",
    )

    def write(self, vals):
        result = super().write(vals)
        # published from now on: the day's figures without waiting for the hour
        if vals.get("complaint_public_statistics"):
            self.env.ref("complaint_management.ir_cron_complaint_public_statistics")._trigger()
        return result

    @api.model
    def _cron_publish_complaint_statistics(self):
        """Work out, once a day, the public statistics of the companies that publish them, so that
        their page shows them without working them out for each visitor, and the same in every
        worker: a company whose figures are not of its today yet (in its time zone)."""
        Report = self.env["complaint.report"]
        companies = self.search([("complaint_public_statistics", "=", True)]).filtered(
            lambda company: company._published_complaint_statistics().get("day")
            != Report._public_statistics_day(company).isoformat()
        )
        isolate_failures(
            companies,
            lambda companies: companies._publish_complaint_statistics(),
            lambda env: env._("the public complaint statistics"),
            lambda company: (company.partner_id, self.env.ref("base.user_admin")),
        )

    def _published_complaint_statistics(self):
        """The figures published for the company: {"day": ..., "figures": {lang: ...}}, {} if none."""
        self.ensure_one()
        # sudo: the figures the company publishes, kept from other users' reads
        return json.loads(self.sudo().complaint_public_statistics_json or "{}")

    def _publish_complaint_statistics(self):
        """Work out and keep the companies' public statistics of their today, in each installed
        language."""
        languages = [code for code, _name in self.env["res.lang"].get_installed()]
        for company in self:
            Report = self.env["complaint.report"].with_company(company)
            day = Report._public_statistics_day(company)
            figures = {
                lang: Report.with_context(lang=lang)._public_statistics_figures(company, day) for lang in languages
            }
            company.sudo().complaint_public_statistics_json = json.dumps({"day": day.isoformat(), "figures": figures})
