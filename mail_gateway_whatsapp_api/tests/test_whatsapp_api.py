import json

from markupsafe import Markup

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SECRET, WhatsappGatewayCase
from .stand_in_graph_api import signature, status_update, webhook_update


@tagged("post_install", "-at_install")
class TestWhatsappApi(WhatsappGatewayCase):
    gateway_values = {"whatsapp_account_id": "102290129340398"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gateway.member_ids = cls.env.ref("base.user_admin")
        cls.gateway.set_webhook()

    def setUp(self):
        super().setUp()
        self.integrate()

    def integrate(self):
        return self.url_open(
            f"/gateway/whatsapp/{self.gateway.webhook_key}/update"
            "?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"
        )

    def post_update(self, payload, secret=SECRET, tamper=b""):
        body = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"}
        if secret:
            headers["X-Hub-Signature-256"] = signature(secret, body)
        return self.url_open(
            f"/gateway/whatsapp/{self.gateway.webhook_key}/update", data=body + tamper, headers=headers
        )

    def chat(self, wa_id="989121234567"):
        return self.env["discuss.channel"].search(
            [("gateway_id", "=", self.gateway.id), ("gateway_channel_token", "=", wa_id)]
        )

    def test_meta_checks_the_webhook_with_the_verify_token(self):
        self.gateway.integrated_webhook_state = "pending"
        wrong = self.url_open(
            f"/gateway/whatsapp/{self.gateway.webhook_key}/update?hub.verify_token=guess&hub.challenge=1"
        )
        self.assertNotEqual(wrong.text, "1")
        self.assertEqual(self.gateway.integrated_webhook_state, "pending")
        right = self.integrate()
        self.assertEqual((right.status_code, right.text), (200, "1158201444"))
        self.assertEqual(self.gateway.integrated_webhook_state, "integrated")

    def test_a_signed_message_opens_a_chat_and_replies_go_back(self):
        self.assertEqual(
            self.post_update(webhook_update(1, "989121234567", "سارا", "سلام، سفارشم نرسیده")).status_code, 200
        )
        chat = self.chat()
        self.assertEqual(chat.name, "سارا")
        self.assertIn("سفارشم نرسیده", chat.message_ids[0].body)
        chat.message_post(body="پیگیری می‌کنیم", message_type="comment", subtype_xmlid="mail.mt_comment")
        sent = self.graph.sent[-1]
        self.assertEqual(
            (sent["phone_number_id"], sent["to"], sent["type"]), ("106540352242922", "989121234567", "text")
        )
        self.assertEqual(sent["text"]["body"], "پیگیری می‌کنیم")
        notification = chat.message_ids[0].gateway_notification_ids
        self.assertEqual((notification.notification_status, notification.gateway_message_id[:6]), ("sent", "wamid."))
        chat.message_post(
            body=Markup('<p>See <a href="https://shop.example/faq">our <b>FAQ</b></a> or https://shop.example</p>'),
            message_type="comment",
        )
        self.assertEqual(
            self.graph.sent[-1]["text"]["body"], "See our FAQ (https://shop.example/faq) or https://shop.example"
        )

    @mute_logger("odoo.addons.mail_gateway.controllers.gateway")
    def test_an_update_without_the_apps_signature_is_refused(self):
        payload = webhook_update(2, "989121234567", text="forged")
        self.post_update(payload, secret=None)
        self.post_update(payload, secret="guess")
        self.post_update(payload, tamper=b" ")  # signed, then changed
        self.assertFalse(self.chat())
        self.gateway.webhook_secret = False
        self.post_update(payload, secret="")
        self.assertFalse(self.chat())

    def test_files_come_through_the_api_address(self):
        self.graph.add_media("img-1", b"\x89PNG\r\n\x1a\n a photo", "image/png")
        self.post_update(
            webhook_update(3, "989121234567", image={"id": "img-1", "mime_type": "image/png", "caption": "شکسته"})
        )
        message = self.chat().message_ids[0]
        self.assertIn("شکسته", message.body)
        self.assertEqual(message.attachment_ids.raw, b"\x89PNG\r\n\x1a\n a photo")

    def test_a_file_meta_does_not_give_leaves_the_message_and_a_note(self):
        with mute_logger(
            "odoo.addons.mail_gateway_whatsapp_api.models.mail_gateway_whatsapp",
            "odoo.addons.mail_gateway_whatsapp.models.mail_gateway_whatsapp",
        ):
            response = self.post_update(
                webhook_update(4, "989121234567", video={"id": "gone", "mime_type": "video/mp4", "caption": "ببینید"})
            )
        self.assertEqual(response.status_code, 200)
        messages = self.chat().message_ids
        self.assertIn("ببینید", messages.filtered(lambda m: m.message_type == "comment").body)
        self.assertFalse(messages.attachment_ids)
        self.assertTrue(messages.filtered(lambda m: m.message_type == "notification"))

    def test_malformed_updates_are_ignored_and_the_rest_taken(self):
        for payload in ({}, {"entry": "x"}, {"entry": [{"changes": [{"field": "messages", "value": []}]}]}):
            self.assertEqual(self.post_update(payload).status_code, 200)
        payload = webhook_update(5, "989121234567", text="well formed")
        value = payload["entry"][0]["changes"][0]["value"]
        value["contacts"] = [{"wa_id": "989121234567"}, "odd"]
        value["messages"] += [
            {"from": "x"},
            {"id": "wamid.z", "from": "989121234567", "timestamp": "1", "image": "odd"},
        ]
        self.assertEqual(self.post_update(payload).status_code, 200)
        chat = self.chat()
        self.assertEqual(chat.name, "989121234567")
        self.assertEqual(len(chat.message_ids), 1)

    def test_odd_times_places_and_unnamed_senders(self):
        for odd in ({"timestamp": str(10**20)}, {"timestamp": -(10**12)}, {"location": {"latitude": 35.7}}):
            payload = webhook_update(8, "989121234567", text="odd")
            payload["entry"][0]["changes"][0]["value"]["messages"][0].update(odd)
            self.assertEqual(self.post_update(payload).status_code, 200)
        self.assertFalse(self.chat())
        payload = webhook_update(9, "989121234567", text="no contact")
        payload["entry"][0]["changes"][0]["value"]["contacts"] = []
        self.assertEqual(self.post_update(payload).status_code, 200)
        self.assertEqual(self.chat().name, "989121234567")

    def test_files_and_failures_of_replies(self):
        self.post_update(webhook_update(6, "989121234567", text="hi"))
        chat = self.chat()
        receipt = self.env["ir.attachment"].create(
            {"name": "receipt.pdf", "raw": b"%PDF-1.4 receipt", "res_model": "discuss.channel", "res_id": chat.id}
        )
        chat.message_post(body="your receipt", attachment_ids=receipt.ids, message_type="comment")
        self.assertEqual(self.graph.uploads[0]["name"], "receipt.pdf")
        self.assertEqual(
            [(sent["type"], sent.get("document", {}).get("filename")) for sent in self.graph.sent],
            [("document", "receipt.pdf"), ("text", None)],
        )
        self.graph.fail_next = "down"
        with mute_logger("odoo.addons.mail_gateway_whatsapp.models.mail_gateway_whatsapp"):
            message = chat.message_post(body="are you there?", message_type="comment")
        notification = message.gateway_notification_ids
        self.assertEqual(notification.notification_status, "exception")
        self.assertIn("503", notification.failure_reason)

    def test_a_failed_status_marks_the_reply(self):
        self.post_update(webhook_update(7, "989121234567", text="hi"))
        chat = self.chat()
        message = chat.message_post(body="hello", message_type="comment")
        wamid = message.gateway_notification_ids.gateway_message_id
        errors = [{"code": 131047, "title": "Re-engagement message"}]
        self.post_update(status_update(wamid, "989121234567", "failed", errors))
        notification = message.gateway_notification_ids
        self.assertEqual(notification.notification_status, "exception")
        self.assertIn("131047", notification.failure_reason)

    def test_templates_are_downloaded_from_the_api_address(self):
        self.graph.templates = [
            {
                "id": "t1",
                "name": "complaint_status",
                "language": "fa",
                "category": "UTILITY",
                "status": "APPROVED",
                "components": [{"type": "BODY", "text": "شکایت {{1}} بررسی شد"}],
            }
        ]
        self.gateway.button_import_whatsapp_template()
        template = self.gateway.whatsapp_template_ids
        self.assertEqual((template.template_name, template.language), ("complaint_status", "fa"))
