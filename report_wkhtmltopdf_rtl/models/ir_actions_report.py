import functools
import subprocess

from odoo import models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..tools import is_right_to_left, isolate_right_to_left_words, with_header_and_footer

# the page's margins when its header and footer are in the page (the print keeps none for them)
MARGIN_WITHOUT_HEADER_MM = 10


@functools.cache
def wkhtmltopdf_on_unpatched_qt():
    """Whether wkhtmltopdf is a build without its patched Qt (as Debian's and Ubuntu's): it prints
    no header or footer, and lays out right-to-left lines wrongly (see tools.unpatched_qt_page)."""
    try:
        version = subprocess.run([_get_wkhtmltopdf_bin(), "--version"], capture_output=True, check=False).stdout
    except OSError:
        return False
    return b"patched qt" not in version.lower()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """On a build without patched Qt, a print with a right-to-left page gets every page with its
        header and footer inside it, and each word of its right-to-left text in its own block."""
        if wkhtmltopdf_on_unpatched_qt() and any(is_right_to_left(body) for body in bodies):
            bodies = [
                isolate_right_to_left_words(with_header_and_footer(body, header, footer, index))
                for index, body in enumerate(bodies)
            ]
            header = footer = None
            specific_paperformat_args = {
                **(specific_paperformat_args or {}),
                "data-report-margin-top": MARGIN_WITHOUT_HEADER_MM,
                "data-report-margin-bottom": MARGIN_WITHOUT_HEADER_MM,
            }
        return super()._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
