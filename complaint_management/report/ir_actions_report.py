from odoo import models

LETTER = "complaint_management.report_complaint_resolution_letter"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _letter_in_customer_language(self, report_ref, res_ids):
        """The decision letter is the customer's whole page: rendered in their language, its page
        layout, styles and direction too (right to left in Persian), whoever prints it."""
        if not res_ids or self._get_report(report_ref).report_name != LETTER:
            return self
        complaints = self.env["complaint.complaint"].browse(res_ids)
        langs = {complaint.partner_id.lang or self.env.lang for complaint in complaints}
        return self.with_context(lang=langs.pop()) if len(langs) == 1 else self

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._letter_in_customer_language(report_ref, res_ids)
        return super(IrActionsReport, report)._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        report = self._letter_in_customer_language(report_ref, docids)
        return super(IrActionsReport, report)._render_qweb_html(report_ref, docids, data=data)
