import socket

from odoo.tests import TransactionCase

from .stand_in_gateways import GENERIC_KEY, KAVENEGAR_KEY, SMS_IR_KEY, StandInGateways


def closed_port_url():
    """An address on the loopback where nothing listens: a gateway that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


class GatewayCase(TransactionCase):
    """A company whose SMS go through the stand-in gateways, and a customer to text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stand_in = StandInGateways().start()
        cls.addClassCleanup(cls.stand_in.stop)
        Gateway = cls.env["sms.gateway"]
        common = {"api_url": cls.stand_in.url, "timeout": 1, "country_id": cls.env.ref("base.ir").id}
        cls.kavenegar = Gateway.create(
            {"name": "Kavenegar", "provider": "kavenegar", "api_key": KAVENEGAR_KEY, "sender": "10004346", **common}
        )
        cls.sms_ir = Gateway.create(
            {"name": "sms.ir", "provider": "sms_ir", "api_key": SMS_IR_KEY, "sender": "30007732", **common}
        )
        cls.generic = Gateway.create(
            {
                "name": "Generic",
                "provider": "http",
                "api_key": GENERIC_KEY,
                **common,
                "api_url": f"{cls.stand_in.url}/generic/send",
                "http_method": "post_json",
                "http_number_format": "e164",
                "http_reference_param": "ref",
                "http_success_text": "queued",
                "http_message_id_key": "data.id",
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Sara Ahmadi", "mobile": "۰۹۱۲۳۴۵۶۷۸۹", "ref": "CMP-7"})
        cls.template = cls.env["sms.template"].create(
            {
                "name": "Acknowledgement",
                "model_id": cls.env.ref("base.model_res_partner").id,
                "body": "Dear {{ object.name }}, we received your complaint {{ object.ref }}.",
            }
        )

    def setUp(self):
        super().setUp()
        self.stand_in.reset()

    def use_gateway(self, gateway):
        self.env.company.sms_gateway_id = gateway

    def text_customer(self, body="Your complaint CMP-7 is resolved."):
        """Posts an SMS to the customer as Odoo does (sent at once): its notification."""
        message = self.customer._message_sms(body, partner_ids=self.customer.ids)
        return message.notification_ids

    def sms_of(self, notification):
        return self.env["sms.sms"].sudo().search([("uuid", "=", notification.sms_tracker_ids.sms_uuid)])
