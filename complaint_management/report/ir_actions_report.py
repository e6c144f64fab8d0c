from odoo import models

LETTER = "complaint_management.report_complaint_resolution_letter"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _letter_language(self, report_ref, res_ids):
        """The language of the decision letters of complaints `res_ids` when they share one, else
        False: a letter is the customer's whole page, written, laid out and styled (right to left
        in Persian) in their language, whoever prints it."""
        if not res_ids or self._get_report(report_ref).report_name != LETTER:
            return False
        complaints = self.env["complaint.complaint"].browse(res_ids)
        langs = {complaint.partner_id.lang or self.env.lang for complaint in complaints}
        return langs.pop() if len(langs) == 1 else False

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        lang = self._letter_language(report_ref, [res_ids] if isinstance(res_ids, int) else res_ids)
        if not lang:
            return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        # the context for styles and texts, `lang` for the page's direction (web.report_layout)
        return super(IrActionsReport, self.with_context(lang=lang))._render_qweb_pdf(
            report_ref, res_ids=res_ids, data=dict(data or {}, lang=lang)
        )

    def _render_qweb_html(self, report_ref, docids, data=None):
        lang = self._letter_language(report_ref, docids)
        if not lang:
            return super()._render_qweb_html(report_ref, docids, data=data)
        return super(IrActionsReport, self.with_context(lang=lang))._render_qweb_html(
            report_ref, docids, data=dict(data or {}, lang=lang)
        )
