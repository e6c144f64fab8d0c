import tempfile

from werkzeug.wsgi import wrap_file

from odoo import http
from odoo.http import content_disposition, request

from ..wizard.complaint_report_export import XLSX_MIMETYPE


class ComplaintReportDownload(http.Controller):
    @http.route("/complaints/report.xlsx", type="http", auth="user", readonly=True)
    def complaint_report_xlsx(self, **query):
        """The workbook of a management report the user asked for, streamed from a temporary file."""
        export = request.env["complaint.report.export"]._from_request(query)
        if not export:
            raise request.not_found()
        file = tempfile.TemporaryFile()  # noqa: SIM115 - the response streams it, then closes it
        export._write_xlsx(file)
        size = file.tell()
        file.seek(0)
        return request.make_response(
            wrap_file(request.httprequest.environ, file),
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", str(size)),
                ("Content-Disposition", content_disposition(export._file_name())),
            ],
        )
