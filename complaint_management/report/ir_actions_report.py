import functools
import subprocess

from odoo import models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from .wkhtmltopdf_unpatched_qt import isolate_right_to_left_words, with_header_and_footer

LETTER = "complaint_management.report_complaint_resolution_letter"
MARGIN_WITHOUT_HEADER_MM = 10


@functools.cache
def _wkhtmltopdf_on_unpatched_qt():
    """Whether wkhtmltopdf is a build without its patched Qt (as Debian's): it prints no header or
    footer, and lays out Persian lines wrongly (see wkhtmltopdf_unpatched_qt)."""
    try:
        version = subprocess.run([_get_wkhtmltopdf_bin(), "--version"], capture_output=True, check=False).stdout
    except OSError:
        return False
    return b"patched qt" not in version.lower()


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
            report_ref, res_ids=res_ids, data=dict(data or {}, lang=lang))

    def _render_qweb_html(self, report_ref, docids, data=None):
        lang = self._letter_language(report_ref, docids)
        if not lang:
            return super()._render_qweb_html(report_ref, docids, data=data)
        return super(IrActionsReport, self.with_context(lang=lang))._render_qweb_html(
            report_ref, docids, data=dict(data or {}, lang=lang))

    def _run_wkhtmltopdf(self, bodies, report_ref=False, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        if report_ref and self._get_report(report_ref).report_name == LETTER and _wkhtmltopdf_on_unpatched_qt():
            bodies = [isolate_right_to_left_words(with_header_and_footer(body, header, footer, index))
                      for index, body in enumerate(bodies)]
            # that build ignores header and footer pages: no margin kept for them
            header = footer = None
            specific_paperformat_args = {
                **(specific_paperformat_args or {}),
                "data-report-margin-top": MARGIN_WITHOUT_HEADER_MM,
                "data-report-margin-bottom": MARGIN_WITHOUT_HEADER_MM,
            }
        return super()._run_wkhtmltopdf(
            bodies, report_ref=report_ref, header=header, footer=footer, landscape=landscape,
            specific_paperformat_args=specific_paperformat_args, set_viewport_size=set_viewport_size)
