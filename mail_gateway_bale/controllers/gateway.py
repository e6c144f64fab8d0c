import json

from odoo import http
from odoo.http import request

from odoo.addons.mail_gateway.controllers.gateway import GatewayController


class MailGatewayController(GatewayController):
    @http.route()
    def post_update(self, usage, token, *args, **kwargs):
        """A POST whose body is no JSON object (no update a messenger sends) gets a 400, where
        OCA's controller failed with a 500 the sender would retry."""
        if request.httprequest.method == "POST":
            try:
                update = json.loads(request.httprequest.get_data() or b"null")
            except (ValueError, RecursionError):
                update = None
            if not isinstance(update, dict):
                return request.make_json_response({"error": "an update is a JSON object"}, status=400)
        return super().post_update(usage, token, *args, **kwargs)
