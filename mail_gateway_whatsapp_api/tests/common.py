from odoo.tests import HttpCase

from .stand_in_graph_api import TOKEN, StandInGraphApi

# the app secret Meta signs the gateway's updates with, in the tests
SECRET = "app-secret"


class WhatsappGatewayCase(HttpCase):
    """A WhatsApp gateway on a loopback stand-in of the Graph API (``self.graph``), reset before
    each test; ``gateway_values`` adds to or changes the gateway's values."""

    gateway_values = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.graph = StandInGraphApi().start()
        cls.addClassCleanup(cls.graph.stop)
        cls.gateway = cls.env["mail.gateway"].create(
            {
                "name": "WhatsApp",
                "gateway_type": "whatsapp",
                "token": TOKEN,
                "webhook_key": "w" * 32,
                "webhook_secret": SECRET,
                "whatsapp_security_key": "verify-me",
                "whatsapp_from_phone": "106540352242922",
                "whatsapp_api_url": cls.graph.url,
                **cls.gateway_values,
            }
        )

    def setUp(self):
        super().setUp()
        self.graph.reset()
