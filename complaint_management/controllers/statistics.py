from odoo import http
from odoo.http import request


class ComplaintStatisticsPage(http.Controller):
    @http.route("/complaints/statistics", type="http", auth="public", website=True, sitemap=False, readonly=True)
    def complaint_statistics(self, **kw):
        """How the company handles complaints, month by month, when it publishes it (Settings)."""
        # sudo: visitors may not read companies; this is the company's own choice to publish
        if not request.env.company.sudo().complaint_public_statistics:
            raise request.not_found()
        Report = request.env["complaint.report"]
        values = dict(Report._public_statistics(), formats=Report._public_number_formats())
        return request.render("complaint_management.complaint_public_statistics", values)
