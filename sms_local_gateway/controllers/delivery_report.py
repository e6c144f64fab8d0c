import json

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request


class SmsGatewayDeliveryReport(http.Controller):
    @http.route(
        "/sms_gateway/report/<int:gateway_id>/<string:secret>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def receive_delivery_report(self, gateway_id, secret, **params):
        """Delivery reports a gateway pushes, to the address with its secret: as query or form
        parameters, or a JSON object or list of them. An unknown gateway or a wrong secret gets
        a 404 and changes nothing."""
        gateway = request.env["sms.gateway"].sudo().browse(gateway_id).exists()
        if not gateway or not gateway._check_report_secret(secret):
            raise NotFound()
        reports = [params]
        if request.httprequest.mimetype == "application/json":
            try:
                body = json.loads(request.httprequest.get_data() or b"null")
            except ValueError:
                body = None
            reports = body if isinstance(body, list) else [body]
        gateway._receive_reports([report for report in reports if isinstance(report, dict)])
        return request.make_response("OK", headers=[("Content-Type", "text/plain")])
