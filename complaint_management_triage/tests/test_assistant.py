from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .stand_in_chat_api import StandInChatApi


@tagged("post_install", "-at_install")
class TestAssistant(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chat_api = StandInChatApi().start()
        cls.addClassCleanup(cls.chat_api.stop)
        cls.env.company.write(
            {
                "triage_assistant": True,
                "triage_assistant_url": cls.chat_api.url,
                "triage_assistant_model": "local-model",
                "triage_assistant_key": "secret-key",
                "triage_assistant_timeout": 1,
            }
        )
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.customer = cls.env["res.partner"].create({"name": "سارا احمدی", "lang": "fa_IR"})
        cls.complaint = cls.env["complaint.complaint"].create(
            {
                "subject": "Blender broken",
                "description": "<p>The blender arrived broken and smells burnt.</p>",
                "partner_id": cls.customer.id,
            }
        )
        cls.complaint.message_post(body="We are checking with the courier.", message_type="comment")
        cls.staff = new_test_user(
            cls.env, login="assistant_staff", groups="complaint_management.group_complaint_manager"
        )

    def setUp(self):
        super().setUp()
        self.chat_api.reset()

    def test_a_summary_is_an_internal_note(self):
        self.chat_api.answer = "The customer's blender arrived broken; the courier is being asked."
        self.complaint.with_user(self.staff).action_assistant_summary()
        note = self.complaint.message_ids[0]
        self.assertIn("the courier is being asked", note.body)
        self.assertTrue(note.subtype_id.internal, "staff only")
        request = self.chat_api.received[0]
        self.assertEqual((request["model"], request["authorization"]), ("local-model", "Bearer secret-key"))
        sent = request["messages"][1]["content"]
        self.assertIn("Blender broken", sent)
        self.assertIn("checking with the courier", sent)

    def test_a_draft_in_the_customers_language_is_sent_only_by_a_click(self):
        self.chat_api.answer = "سارا گرامی، یک مخلوط‌کن نو برایتان می‌فرستیم."
        reply = (
            self.env["complaint.complaint.reply"]
            .with_user(self.staff)
            .create({"complaint_id": self.complaint.id, "body": "<p>Dear customer, we are sorry.</p>"})
        )
        messages_before = len(self.complaint.message_ids)
        reply.action_assistant_draft()
        self.assertIn("مخلوط‌کن نو", reply.body)
        self.assertEqual(len(self.complaint.message_ids), messages_before, "nothing sent yet")
        request = self.chat_api.received[0]
        self.assertIn("Persian", request["messages"][0]["content"])
        self.assertIn("Dear customer, we are sorry.", request["messages"][1]["content"])

    def test_failures_leave_the_complaint_untouched_with_a_clear_message(self):
        reply = self.env["complaint.complaint.reply"].create({"complaint_id": self.complaint.id, "body": "<p>Mine</p>"})
        messages_before = len(self.complaint.message_ids)
        for failure in ("error", "garbage", "slow"):
            self.chat_api.fail_next = failure
            with self.assertRaisesRegex(UserError, "did not answer"):
                self.complaint.action_assistant_summary()
            self.chat_api.fail_next = failure
            with self.assertRaisesRegex(UserError, "did not answer"):
                reply.action_assistant_draft()
        self.assertEqual(len(self.complaint.message_ids), messages_before)
        self.assertEqual(reply.body, "<p>Mine</p>")
        self.env.company.triage_assistant_url = "http://127.0.0.1:9/v1"  # nothing listens there
        with self.assertRaisesRegex(UserError, "unreachable"):
            self.complaint.action_assistant_summary()

    def test_off_by_default_and_for_staff_only(self):
        other = self.env["res.company"].create({"name": "No Assistant (test)"})
        self.assertFalse(other.triage_assistant)
        self.env.company.triage_assistant = False
        with self.assertRaisesRegex(UserError, "is off"):
            self.complaint.action_assistant_summary()
        self.env.company.triage_assistant = True
        portal = new_test_user(self.env, login="assistant_portal", groups="base.group_portal")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.complaint.with_user(portal).action_assistant_summary()
        self.assertFalse(self.chat_api.received)
