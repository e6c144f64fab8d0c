import json

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail_gateway_bale.tests.stand_in_bot_api import StandInBotApi, update

CHAT = 77
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@tagged("post_install", "-at_install")
class TestMessengerIntake(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bot_api = StandInBotApi().start()
        cls.addClassCleanup(cls.bot_api.stop)
        cls.gateway = cls.env["mail.gateway"].create(
            {
                "name": "Bale",
                "gateway_type": "bale",
                "token": "1234:bale-token",
                "webhook_key": "k" * 32,
                "webhook_secret": "s3cret",
                "bot_api_url": cls.bot_api.url,
                "complaint_intake": True,
            }
        )
        cls.gateway.set_webhook()

    def setUp(self):
        super().setUp()
        self.bot_api.reset()
        self.next_update = 1

    def say(self, text=None, chat=CHAT, update_id=None, secret="s3cret", **content):
        """The customer's message to the bot, delivered by the messenger's webhook."""
        if update_id is None:
            update_id, self.next_update = self.next_update, self.next_update + 1
        payload = update(update_id, chat, text, language_code="en", **content)
        response = self.url_open(
            f"/gateway/bale/{self.gateway.webhook_key}/update",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
        )
        self.assertEqual(response.status_code, 200)
        return payload

    def bot_said(self):
        return [sent["text"] for sent in self.bot_api.sent if sent["method"] == "sendMessage"]

    def complaints(self, chat=CHAT):
        return self.env["complaint.complaint"].search([("messenger_channel_id.gateway_channel_token", "=", str(chat))])

    def file_complaint(self, chat=CHAT):
        self.bot_api.add_file("photo-1", PHOTO, "photos/file_1.png")
        self.say("Hello", chat=chat)
        self.say("Sara Ahmadi", chat=chat)
        self.say(contact={"phone_number": "+989123456789", "first_name": "Sara", "user_id": chat}, chat=chat)
        self.say("SO042", chat=chat)
        self.say(
            chat=chat,
            photo=[{"file_id": "photo-1", "file_unique_id": "p1", "width": 8, "height": 8, "file_size": len(PHOTO)}],
        )
        self.say("The blender arrived broken.\nThe box was crushed.", chat=chat)
        return self.complaints(chat)

    # ------------------------------------------------------------
    # INTAKE
    # ------------------------------------------------------------

    def test_a_conversation_files_a_complaint(self):
        complaint = self.file_complaint()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(
            (complaint.channel, complaint.partner_name, complaint.partner_mobile, complaint.order_reference),
            ("bale", "Sara Ahmadi", "+989123456789", "SO042"),
        )
        self.assertEqual(complaint.subject, "The blender arrived broken.")
        self.assertIn("The box was crushed.", complaint.description)
        self.assertEqual(complaint.message_ids.attachment_ids.mapped("raw"), [PHOTO])
        said = self.bot_said()
        self.assertIn("What is your name?", said[0])
        self.assertIn("mobile number", said[1])
        self.assertIn(complaint.name, said[-1])
        self.assertIn(complaint.get_portal_url(), said[-1])
        # the phone question carries a button that shares the customer's number
        phone_question = next(s for s in self.bot_api.sent if "mobile number" in s.get("text", ""))
        self.assertTrue(phone_question["reply_markup"]["keyboard"][0][0]["request_contact"])
        # the analysis counts it under its channel
        by_channel = self.env["complaint.report"]._read_group([("channel", "=", "bale")], ["channel"], ["__count"])
        self.assertEqual(by_channel, [("bale", 1)])
        # the customer is known by the messenger from now on
        link = self.env["res.partner.gateway.channel"].search([("gateway_id", "=", self.gateway.id)])
        self.assertEqual(link.partner_id, complaint.partner_id)

    def test_the_bot_speaks_the_customers_language(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env.ref("base.module_complaint_management_mail_gateway")._update_translations(["fa_IR"])
        payload = update(1, CHAT, "سلام", language_code="fa")
        self.url_open(
            f"/gateway/bale/{self.gateway.webhook_key}/update",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret"},
        )
        self.assertEqual(
            self.bot_said(), ["سلام! شکایت شما را ثبت می‌کنم و کد پیگیری‌اش را به شما می‌دهم.\n\nنام شما چیست؟"]
        )

    def test_a_gateway_that_files_no_complaints_stays_a_plain_chat(self):
        self.gateway.complaint_intake = False
        self.say("Hello")
        self.say("Hello", update_id=1)
        self.assertFalse(self.bot_api.sent, "no bot answers")
        chat = self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)])
        self.assertEqual(len(chat.message_ids.filtered(lambda m: m.body and "Hello" in m.body)), 2)
        self.assertFalse(self.env["complaint.messenger.intake"].search([]))

    def test_a_number_that_is_none_is_asked_again(self):
        self.say("Hello")
        self.say("Sara")
        self.say("call me maybe")
        self.assertIn("not a phone number", self.bot_said()[-1])
        self.say("۰۹۱۲۳۴۵۶۷۸۹")
        self.assertIn("order number", self.bot_said()[-1])

    def test_a_customer_writing_again_is_threaded_to_the_open_complaint(self):
        complaint = self.file_complaint()
        self.say("Any news?")
        self.assertEqual(self.complaints(), complaint)
        self.assertIn("Any news?", complaint.message_ids[0].body)
        self.assertEqual(complaint.message_ids[0].author_id, complaint.partner_id)

    def test_a_replayed_update_files_one_complaint(self):
        self.say("Hello")
        self.say("Sara")
        self.say("09123456789")
        self.say("no")
        last = self.say("Broken blender")
        sent = len(self.bot_api.sent)
        self.say("Broken blender", update_id=last["update_id"])
        self.assertEqual(len(self.complaints()), 1)
        self.assertEqual(len(self.bot_api.sent), sent, "a replay gets no answer either")
        self.assertFalse(self.complaints().order_reference, "“no” means no order")

    def test_a_forged_webhook_creates_nothing(self):
        self.say("Hello", secret="guess")
        self.assertFalse(self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)]))
        self.assertFalse(self.env["complaint.messenger.intake"].search([]))
        self.assertFalse(self.bot_api.sent)

    def test_a_sticker_gets_a_polite_prompt(self):
        self.say("Hello")
        self.say(
            sticker={
                "file_id": "s",
                "file_unique_id": "s",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        )
        self.assertIn("cannot keep that kind of message", self.bot_said()[-1])
        self.say("Sara")
        self.assertIn("mobile number", self.bot_said()[-1], "the conversation goes on")

    def test_a_file_over_the_limit_is_refused_and_the_complaint_kept(self):
        self.env["ir.config_parameter"].set_param("complaint_management.attachment_max_mb", 1)
        self.say("Hello")
        self.say("Sara")
        self.say("09123456789")
        self.say("no")
        self.say(
            document={"file_id": "big", "file_unique_id": "b", "file_name": "video.mp4", "file_size": 3 * 1024 * 1024},
            caption="The blender smokes",
        )
        self.assertIn("too large", " ".join(self.bot_said()[-2:]))
        complaint = self.complaints()
        self.assertEqual(complaint.subject, "The blender smokes", "the caption is the description")
        self.assertFalse(complaint.message_ids.attachment_ids)

    def test_a_file_of_a_kind_not_kept_is_refused(self):
        self.bot_api.add_file("exe-1", b"MZ\x90\x00 a program", "documents/tool.exe")
        self.say("Hello")
        self.say(
            document={
                "file_id": "exe-1",
                "file_unique_id": "e1",
                "file_name": "invoice.exe",
                "file_size": 13,
                "mime_type": "application/x-msdownload",
            }
        )
        self.assertIn("cannot be sent", " ".join(self.bot_said()[-2:]))
        chat = self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)])
        self.assertFalse(chat.message_ids.attachment_ids)

    def test_a_file_the_messenger_does_not_give_is_asked_again(self):
        self.say("Hello")
        self.say(
            document={"file_id": "expired", "file_unique_id": "x", "file_name": "receipt.pdf", "file_size": 10},
            caption="Sara Ahmadi",
        )
        self.assertIn("could not receive your file", " ".join(self.bot_said()[-2:]))
        self.assertIn("mobile number", self.bot_said()[-1], "the caption answered the question")

    def test_a_group_chat_files_nothing(self):
        """A complaint is filed for whoever is asked: in a group, another member would answer."""
        payload = update(1, -1007700001, "hi", language_code="en")
        payload["message"]["chat"]["type"] = "group"
        payload["message"]["from"]["id"] = 5
        self.url_open(
            f"/gateway/bale/{self.gateway.webhook_key}/update",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret"},
        )
        self.assertFalse(self.bot_api.sent)
        self.assertFalse(self.env["complaint.messenger.intake"].search([]))

    def test_a_malformed_update_is_ignored(self):
        for broken in (
            {"from": None},
            {"date": "yesterday"},
            {"chat": {"id": "a77"}},
            {"chat": None},
            {"document": "a file"},
            {"photo": [1, 2]},
        ):
            payload = update(self.next_update, CHAT, "hi")
            self.next_update += 1
            payload["message"].update(broken)
            response = self.url_open(
                f"/gateway/bale/{self.gateway.webhook_key}/update",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret"},
            )
            self.assertEqual(response.status_code, 200)
        self.assertFalse(self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)]))

    def test_spam_limits_as_on_the_public_form(self):
        self.env["ir.config_parameter"].set_param("complaint_management.submission_rate_limit", 1)
        complaint = self.file_complaint()
        complaint.stage_id = self.env.ref("complaint_management.complaint_stage_closed")
        self.say("Hello again")
        self.assertIn("Hello Sara Ahmadi", self.bot_said()[-1], "a known customer is not asked again")
        self.assertIn("order number", self.bot_said()[-1])
        self.say("no")
        self.say("Another thing went wrong")
        self.assertIn("several complaints in a short time", self.bot_said()[-1])
        self.assertEqual(len(self.complaints()), 1)

    # ------------------------------------------------------------
    # STAFF
    # ------------------------------------------------------------

    def test_staff_turn_a_chat_into_a_complaint_in_one_click(self):
        self.gateway.member_ids = self.env.ref("base.user_admin")
        self.bot_api.add_file("photo-1", PHOTO, "photos/file_1.png")
        self.say("The blender arrived broken")
        self.say(photo=[{"file_id": "photo-1", "file_unique_id": "p1", "width": 8, "height": 8, "file_size": 70}])
        chat = self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)])
        self.start_tour(f"/odoo/discuss?active_id=discuss.channel_{chat.id}", "complaint_from_chat_tour", login="admin")
        complaint = self.complaints()
        self.assertEqual((complaint.channel, complaint.subject), ("bale", "The blender arrived broken"))
        self.assertEqual(complaint.message_ids.attachment_ids.mapped("raw"), [PHOTO])
        self.assertIn(complaint.name, self.bot_said()[-1])
        # the conversation with the bot ends there: the next message goes to the complaint
        self.say("Thanks")
        self.assertIn("Thanks", complaint.message_ids[0].body)
        self.assertEqual(chat.action_complaint_from_chat()["res_id"], complaint.id, "clicked again: the same one")

    def test_only_a_messenger_chat_becomes_a_complaint(self):
        channel = self.env["discuss.channel"].create({"name": "general-ish", "channel_type": "channel"})
        with self.assertRaises(UserError):
            channel.action_complaint_from_chat()

    # ------------------------------------------------------------
    # STAFF TO CUSTOMER
    # ------------------------------------------------------------

    def test_staff_replies_and_status_changes_go_to_the_chat(self):
        complaint = self.file_complaint()
        self.bot_api.reset()
        complaint = complaint.with_user(self.env.ref("base.user_admin"))
        complaint.message_post(
            body="We are sending a new blender.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        complaint.message_post(body="Internal: check stock", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertEqual(self.bot_said(), ["We are sending a new blender."])
        complaint.stage_id = self.env.ref("complaint_management.complaint_stage_in_progress")
        self.assertIn(complaint.name, self.bot_said()[-1])
        self.assertIn(complaint.stage_id.name, self.bot_said()[-1])
