import json

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.mail_gateway_whatsapp_api.tests.common import SECRET, WhatsappGatewayCase
from odoo.addons.mail_gateway_whatsapp_api.tests.stand_in_graph_api import signature, webhook_update

WA_ID = "989390001122"
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@tagged("post_install", "-at_install")
class TestWhatsappIntake(WhatsappGatewayCase):
    gateway_values = {"complaint_intake": True, "integrated_webhook_state": "integrated"}

    def setUp(self):
        super().setUp()
        self.next_id = 1

    def say(self, text=None, wa_id=WA_ID, message_id=None, secret=SECRET, name="Sara", **content):
        """The customer's WhatsApp message, delivered by Meta's webhook, signed with the app secret."""
        if message_id is None:
            message_id, self.next_id = self.next_id, self.next_id + 1
        body = json.dumps(webhook_update(message_id, wa_id, name, text, **content)).encode()
        response = self.url_open(
            f"/gateway/whatsapp/{self.gateway.webhook_key}/update",
            data=body,
            headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature(secret, body)},
        )
        self.assertEqual(response.status_code, 200)
        return message_id

    def bot_said(self):
        return [sent["text"]["body"] for sent in self.graph.sent if sent["type"] == "text"]

    def complaints(self, wa_id=WA_ID):
        return self.env["complaint.complaint"].search([("messenger_channel_id.gateway_channel_token", "=", wa_id)])

    def file_complaint(self):
        self.graph.add_media("photo-1", PHOTO, "image/png")
        self.say("Hello")
        self.say("Sara Ahmadi")
        self.say("SO042")
        self.say(image={"id": "photo-1", "mime_type": "image/png"})
        self.say("The blender arrived broken.\nThe box was crushed.")
        return self.complaints()

    def test_a_conversation_files_a_complaint_with_the_senders_number(self):
        complaint = self.file_complaint()
        self.assertEqual(
            (complaint.channel, complaint.partner_name, complaint.partner_mobile, complaint.order_reference),
            ("whatsapp", "Sara Ahmadi", f"+{WA_ID}", "SO042"),
        )
        self.assertFalse(complaint.contact_channel, "not asked (not “email”, which the customer did not give)")
        self.assertEqual(complaint.subject, "The blender arrived broken.")
        self.assertEqual(complaint.message_ids.attachment_ids.mapped("raw"), [PHOTO])
        said = self.bot_said()
        self.assertIn("What is your name?", said[0])
        self.assertIn("order number", said[1], "WhatsApp gave the number: it is not asked")
        self.assertIn(complaint.name, said[-1])
        self.assertEqual(said[-1].count(complaint.get_portal_url()), 1, "the link written where it stands, once")
        self.assertEqual({sent["to"] for sent in self.graph.sent}, {WA_ID})
        by_channel = self.env["complaint.report"]._read_group([("channel", "=", "whatsapp")], ["channel"], ["__count"])
        self.assertEqual(by_channel, [("whatsapp", 1)])

    def test_the_bot_answers_in_the_language_written(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env.ref("base.module_complaint_management_mail_gateway")._update_translations(["fa_IR"])
        self.say("سلام، سفارشم خراب رسید")
        # (OCA's WhatsApp gateway sends the text of the chat's message: paragraphs on lines of their own)
        self.assertEqual(
            self.bot_said(), ["سلام! شکایت شما را ثبت می‌کنم و کد پیگیری‌اش را به شما می‌دهم.\nنام شما چیست؟"]
        )

    def test_a_customer_known_by_number_is_greeted_and_not_asked(self):
        partner = self.env["res.partner"].create({"name": "Sara Ahmadi", "mobile": "+98 939 000 1122"})
        self.say("Hello")
        self.assertIn("Hello Sara Ahmadi", self.bot_said()[0])
        self.assertIn("order number", self.bot_said()[0])
        self.say("no")
        self.say("Broken blender")
        self.assertEqual(self.complaints().partner_id, partner)

    def test_a_number_that_is_not_a_customers_mobile_files_for_a_new_contact(self):
        """WhatsApp proves the number; a landline of the company's reception or a staff member's
        mobile does not make the sender that contact (who would be greeted by name and filed for)."""
        reception = self.env["res.partner"].create({"name": "Reception", "phone": "+98 939 000 1122"})
        staff = self.env["res.users"].create(
            {"name": "Staff Member", "login": "wa_staff", "mobile": "+98 939 000 3344"}
        )
        for wa_id, contact in ((WA_ID, reception), ("989390003344", staff.partner_id)):
            self.say("Hello", wa_id=wa_id, name="Somebody")
            self.assertIn("What is your name?", self.bot_said()[-1], "not greeted as the contact")
            self.say("Somebody Else", wa_id=wa_id)
            self.say("no", wa_id=wa_id)
            self.say("The heater smells", wa_id=wa_id)
            complaint = self.complaints(wa_id)
            self.assertTrue(complaint)
            self.assertNotEqual(complaint.partner_id, contact)
            self.assertEqual(complaint.partner_name, "Somebody Else")

    def test_a_customer_writing_again_is_threaded_to_the_open_complaint(self):
        complaint = self.file_complaint()
        self.say("Any news?")
        self.assertEqual(self.complaints(), complaint)
        self.assertIn("Any news?", complaint.message_ids[0].body)

    def test_a_replayed_message_files_one_complaint(self):
        self.say("Hello")
        self.say("Sara")
        self.say("no")
        last = self.say("Broken blender")
        sent = len(self.graph.sent)
        self.say("Broken blender", message_id=last)
        self.assertEqual(len(self.complaints()), 1)
        self.assertEqual(len(self.graph.sent), sent, "a replay gets no answer either")

    @mute_logger("odoo.addons.mail_gateway.controllers.gateway")
    def test_a_forged_webhook_creates_nothing(self):
        self.say("Hello", secret="guess")
        self.assertFalse(self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)]))
        self.assertFalse(self.graph.sent)

    def test_a_sticker_or_a_location_gets_a_polite_prompt_and_a_reaction_nothing(self):
        self.say("Hello")
        self.say(sticker={"id": "st-1", "mime_type": "image/webp", "animated": False})
        self.assertIn("cannot keep that kind of message", self.bot_said()[-1])
        self.say(location={"latitude": 35.7, "longitude": 51.4})
        self.assertIn("cannot keep that kind of message", self.bot_said()[-1])
        sent = len(self.graph.sent)
        self.say(reaction={"message_id": "wamid.1", "emoji": "👍"})
        self.assertEqual(len(self.graph.sent), sent)
        self.say("Sara")
        self.assertIn("order number", self.bot_said()[-1], "the conversation goes on")

    def test_a_file_over_the_limit_is_refused_and_the_complaint_kept(self):
        self.env["ir.config_parameter"].set_param("complaint_management.attachment_max_mb", 1)
        self.graph.add_media("big", b"\x00" * (2 * 1024 * 1024), "video/mp4")
        self.say("Hello")
        self.say("Sara")
        self.say("no")
        self.say(video={"id": "big", "mime_type": "video/mp4", "caption": "The blender smokes"})
        self.assertIn("too large", " ".join(self.bot_said()[-2:]))
        complaint = self.complaints()
        self.assertEqual(complaint.subject, "The blender smokes", "the caption is the description")
        self.assertFalse(complaint.message_ids.attachment_ids)

    def test_a_file_of_a_kind_not_kept_is_refused(self):
        self.graph.add_media("exe-1", b"MZ\x90\x00 a program", "application/pdf")
        self.say("Hello")
        self.say(document={"id": "exe-1", "mime_type": "application/pdf", "filename": "invoice.pdf"})
        self.assertIn("cannot be sent", " ".join(self.bot_said()[-2:]))
        chat = self.env["discuss.channel"].search([("gateway_id", "=", self.gateway.id)])
        self.assertFalse(chat.message_ids.attachment_ids)

    def test_a_file_whatsapp_does_not_give_is_asked_again(self):
        self.say("Hello")
        with mute_logger("odoo.addons.mail_gateway_whatsapp_api.models.mail_gateway_whatsapp"):
            self.say(document={"id": "expired", "mime_type": "application/pdf", "caption": "Sara Ahmadi"})
        self.assertIn("could not receive your file", " ".join(self.bot_said()[-2:]))
        self.assertIn("order number", self.bot_said()[-1], "the caption answered the question")

    def test_a_lost_file_of_a_customer_with_an_open_complaint_keeps_their_words(self):
        complaint = self.file_complaint()
        with mute_logger("odoo.addons.mail_gateway_whatsapp_api.models.mail_gateway_whatsapp"):
            self.say(video={"id": "expired", "mime_type": "video/mp4", "caption": "Here is the video"})
        last = complaint.message_ids[0]
        self.assertIn("Here is the video", last.body)
        self.assertEqual(last.author_id, complaint.partner_id)
        self.assertIn("could not receive your file", self.bot_said()[-1])

    def test_staff_replies_and_status_changes_go_to_the_chat_within_the_window(self):
        complaint = self.file_complaint()
        complaint.team_id.use_sms = True
        self.graph.reset()
        admin_complaint = complaint.with_user(self.env.ref("base.user_admin"))
        admin_complaint.message_post(
            body="We are sending a new blender.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        admin_complaint.message_post(body="Internal: check stock", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertEqual(self.bot_said(), ["We are sending a new blender."])
        complaint.stage_id = self.env.ref("complaint_management.complaint_stage_in_progress")
        self.assertIn(complaint.name, self.bot_said()[-1])
        self.assertFalse(self.env["sms.sms"].search([("partner_id", "=", complaint.partner_id.id)]))
        # a day after the customer's last message, WhatsApp takes no message the customer did not
        # ask for: the status goes by SMS
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE mail_message SET date = %s WHERE model = 'discuss.channel' AND res_id = %s",
                fields.Datetime.subtract(fields.Datetime.now(), hours=25),
                complaint.messenger_channel_id.id,
            )
        )
        self.env.invalidate_all()
        sent = len(self.graph.sent)
        complaint.stage_id = self.env.ref("complaint_management.complaint_stage_resolved")
        self.assertEqual(len(self.graph.sent), sent)
        self.assertTrue(self.env["sms.sms"].search([("partner_id", "=", complaint.partner_id.id)]))

    def test_a_reply_with_a_file_whatsapp_does_not_take_says_where_it_is(self):
        complaint = self.file_complaint()
        self.graph.reset()
        archive = self.env["ir.attachment"].create(
            {"name": "logs.zip", "raw": b"PK\x03\x04", "mimetype": "application/zip"}
        )
        pdf = self.env["ir.attachment"].create(
            {"name": "label.pdf", "raw": b"%PDF-1.4 label", "mimetype": "application/pdf"}
        )
        complaint.with_user(self.env.ref("base.user_admin")).message_post(
            body="Here is the return label.",
            attachment_ids=(archive + pdf).ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual([upload["name"] for upload in self.graph.uploads], ["label.pdf"])
        self.assertIn("complaint's page", self.bot_said()[-1])
