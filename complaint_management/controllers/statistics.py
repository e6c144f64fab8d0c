from odoo import http
from odoo.http import request

from ..models.complaint_portal_params import PUBLIC_STATISTICS


class ComplaintStatisticsPage(http.Controller):

    @http.route("/complaints/statistics", type="http", auth="public", website=True, sitemap=False)
    def complaint_statistics(self, **kw):
        """How the company handles complaints, month by month, when it publishes it (Settings)."""
        # sudo: reading a configuration parameter
        if not request.env["ir.config_parameter"].sudo().get_param(PUBLIC_STATISTICS[0]):
            raise request.not_found()
        statistics = request.env["complaint.report"]._public_statistics()
        return request.render("complaint_management.complaint_public_statistics", statistics)
