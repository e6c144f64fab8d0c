import json

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mail.tools.discuss import Store

from .stand_in_bot_api import StandInBotApi, update


@tagged("post_install", "-at_install")
class TestBaleGateway(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bot_api = StandInBotApi().start()
        cls.addClassCleanup(cls.bot_api.stop)
        cls.bale = cls.env["mail.gateway"].create(
            {
                "name": "Bale",
                "gateway_type": "bale",
                "token": "1234:bale-token",
                "webhook_key": "k" * 32,
                "bot_api_url": cls.bot_api.url,
                "member_ids": [(4, cls.env.ref("base.user_admin").id)],
            }
        )
        cls.bale.set_webhook()

    def setUp(self):
        super().setUp()
        self.bot_api.reset()

    def post_update(self, payload, gateway=None, key=None, headers=None):
        gateway = gateway or self.bale
        return self.url_open(
            f"/gateway/{gateway.gateway_type}/{key or gateway.webhook_key}/update",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json", **(headers or {})},
        )

    def chat(self, gateway=None, token="77"):
        return self.env["discuss.channel"].search(
            [("gateway_id", "=", (gateway or self.bale).id), ("gateway_channel_token", "=", token)]
        )

    def test_the_webhook_is_set_on_bales_address(self):
        self.bot_api.reset()
        self.bale.update_webhook()
        self.assertEqual(self.bot_api.webhook["token"], "1234:bale-token")
        self.assertEqual(self.bot_api.webhook["url"], self.bale.webhook_url)
        self.assertEqual(self.bale.integrated_webhook_state, "integrated")

    def test_a_message_opens_a_chat_and_replies_go_back(self):
        self.assertEqual(self.post_update(update(1, 77, "سلام، سفارشم نرسیده")).status_code, 200)
        chat = self.chat()
        self.assertEqual(len(chat), 1)
        message = chat.message_ids.filtered(lambda m: "سفارشم" in (m.body or ""))
        self.assertEqual(message.gateway_type, "bale")
        chat.message_post(body="پیگیری می‌کنیم", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertIn(
            ("sendMessage", "77", "پیگیری می‌کنیم"),
            [(sent["method"], sent["chat_id"], sent.get("text")) for sent in self.bot_api.sent],
        )

    def test_files_come_into_the_chat(self):
        self.bot_api.add_file("doc-1", b"%PDF-1.4 a receipt")
        self.post_update(
            update(
                2,
                77,
                document={
                    "file_id": "doc-1",
                    "file_unique_id": "u1",
                    "file_name": "receipt.pdf",
                    "mime_type": "application/pdf",
                    "file_size": 18,
                },
            )
        )
        attachment = self.chat().message_ids.attachment_ids
        self.assertEqual(attachment.raw, b"%PDF-1.4 a receipt")
        self.assertEqual(attachment.name, "receipt.pdf")

    def test_a_voice_note_keeps_its_kind(self):
        self.bot_api.add_file("voice-1", b"OggS voice")
        self.post_update(
            update(
                7,
                77,
                voice={
                    "file_id": "voice-1",
                    "file_unique_id": "v1",
                    "duration": 3,
                    "mime_type": "audio/ogg",
                    "file_size": 10,
                },
            )
        )
        attachment = self.chat().message_ids.attachment_ids
        self.assertEqual(attachment.raw, b"OggS voice")
        self.assertTrue(attachment.name.endswith((".oga", ".ogg", ".opus")), attachment.name)
        self.assertTrue(self.env["discuss.voice.metadata"].search([("attachment_id", "=", attachment.id)]))

    def test_a_forged_update_creates_nothing(self):
        self.bale.webhook_secret = "s3cret"
        self.post_update(update(3, 77, "forged"), headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
        self.post_update(update(4, 77, "forged"))  # no header at all
        self.post_update(update(5, 77, "forged"), key="wrong-key")
        self.assertFalse(self.chat())
        self.post_update(update(6, 77, "real"), headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
        self.assertTrue(self.chat())

    def test_a_key_is_accepted_only_under_its_own_type(self):
        telegram = self.env["mail.gateway"].create(
            {
                "name": "Telegram",
                "gateway_type": "telegram",
                "token": "999:tg",
                "webhook_key": "t" * 32,
                "bot_api_url": self.bot_api.url,
            }
        )
        telegram.set_webhook()
        # a visitor's request to another type's address first: each type keeps its own gateways
        self.url_open("/gateway/whatever/poison/update", data="{}", headers={"Content-Type": "application/json"})
        self.post_update(update(7, 77, "to Bale"))
        self.assertTrue(self.chat())
        self.post_update(update(8, 88, "to Telegram"), gateway=telegram)
        self.assertTrue(self.chat(telegram, "88"))
        self.post_update(
            update(9, 99, "Bale's key under Telegram's address"), gateway=telegram, key=self.bale.webhook_key
        )
        self.assertFalse(self.env["discuss.channel"].search([("gateway_channel_token", "=", "99")]))

    def test_a_name_cannot_read_backwards(self):
        self.post_update(update(11, 77, "hi", first_name="\u202enimda\u202c\nسارا\u200cجان"))
        self.assertEqual(self.chat().name, "nimda سارا\u200cجان")

    def test_a_body_that_is_no_update_gets_a_400(self):
        for body in ("not json", "[1, 2]", "null", "[" * 50000):
            response = self.url_open(
                f"/gateway/bale/{self.bale.webhook_key}/update", data=body, headers={"Content-Type": "application/json"}
            )
            self.assertEqual(response.status_code, 400, body[:10])
        self.assertFalse(self.chat())

    def test_text_is_shown_as_the_customer_wrote_it(self):
        self.post_update(update(10, 77, "<b>ORD-1</b> & co"))
        body = self.chat().message_ids.filtered(lambda m: "ORD-1" in (m.body or "")).body
        self.assertIn("&lt;b&gt;ORD-1&lt;/b&gt; &amp; co", body)
        self.assertNotIn("&amp;lt;", body)

    def test_telegram_on_an_address_of_its_own(self):
        telegram = self.env["mail.gateway"].create(
            {
                "name": "Telegram",
                "gateway_type": "telegram",
                "token": "999:telegram-token",
                "webhook_key": "t" * 32,
                "webhook_secret": "tg-secret",
                "bot_api_url": self.bot_api.url,
            }
        )
        self.assertEqual(
            self.env["mail.gateway"].new({"gateway_type": "telegram"}).bot_api_url, "https://api.telegram.org"
        )
        telegram.set_webhook()
        self.assertEqual(self.bot_api.webhook["secret_token"], "tg-secret")
        self.post_update(
            update(6, 88, "hello"), gateway=telegram, headers={"X-Telegram-Bot-Api-Secret-Token": "tg-secret"}
        )
        chat = self.chat(telegram, "88")
        chat.message_post(body="Hi", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertIn(
            ("sendMessage", "88", "Hi"), [(s["method"], s["chat_id"], s.get("text")) for s in self.bot_api.sent]
        )

    def test_customers_still_load_their_threads(self):
        """OCA's gateway reads the followers of every thread sent to the browser, which portal
        customers and live-chat visitors may not: their chats would not load."""
        portal = new_test_user(self.env, "bale_portal", groups="base.group_portal")
        partner = self.env["res.partner"].with_user(portal).browse(portal.partner_id.id)
        store = Store()
        partner._thread_to_store(store)
        self.assertTrue(store.get_result())
