from odoo import http
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController

from ..models.complaint_complaint import STAFF
from ..tools.single_line import single_line
from .portal import MEGABYTE


class ComplaintAttachmentController(AttachmentController):
    @http.route()
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        """Files customers add on a complaint's page pass the checks of the files sent with the
        form: kind by content, size, a name on one line."""
        if thread_model == "complaint.complaint" and not request.env.user.has_group(STAFF):
            # a name that reads backwards (bidi override) or spans lines misleads staff
            ufile.filename = single_line(ufile.filename or "")
            Complaint = request.env["complaint.complaint"]
            data = ufile.read(Complaint._portal_file_limits()["max_mb"] * MEGABYTE + 1)
            ufile.seek(0)
            error = Complaint._portal_check_files([{"name": ufile.filename, "data": data}])
            if error:
                return request.make_json_response({"error": error})
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending=is_pending, **kwargs)
