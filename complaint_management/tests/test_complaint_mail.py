from odoo import fields
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MailCase

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintMail(ComplaintCommon, MailCase):
    """Acknowledgement and stage emails: the messages that notify the customer by email."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context={})  # mail tracking and notifications on
        cls.Complaint = cls.env["complaint.complaint"].with_user(cls.user_a1)
        cls.ack_cron = cls.env.ref("complaint_management.ir_cron_complaint_acknowledge")

    def _flush_tracking(self):
        self.env.flush_all()
        self.cr.precommit.run()

    def _customer_mails(self, complaint, partner):
        return (
            self.env["mail.notification"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "complaint.complaint"),
                    ("mail_message_id.res_id", "=", complaint.id),
                    ("res_partner_id", "=", partner.id),
                    ("notification_type", "=", "email"),
                ]
            )
            .mail_message_id
        )

    def _acknowledge(self):
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        self._flush_tracking()

    def test_the_company_follows_nothing_it_acknowledged(self):
        """The scheduled action posts as OdooBot, who is inactive: Odoo would subscribe the author
        of the acknowledgement, the company, to every complaint."""
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self.env["complaint.complaint"].with_user(self.env.ref("base.user_root"))._cron_send_acknowledgements()
        self.assertTrue(complaint.message_ids.filtered(lambda m: m.message_type == "auto_comment"))
        self.assertNotIn(complaint.company_id.partner_id, complaint.message_partner_ids)

    def test_acknowledgement_queued_not_sent_inline(self):
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search([("cron_id", "=", self.ack_cron.id)])
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self.assertTrue(complaint.acknowledgement_pending)
        woken = Trigger.search([("cron_id", "=", self.ack_cron.id)]) - triggers
        self.assertEqual(len(woken), 1, "the cron is run as soon as the complaint is saved")
        self.assertLessEqual(woken.call_at, fields.Datetime.now())
        self.assertEqual(self.ack_cron.interval_type, "hours", "its interval is a safety net")
        self.assertTrue(self.ack_cron.active)
        self.assertFalse(self._customer_mails(complaint, self.customer), "nothing is mailed inside create")

    def test_acknowledgement_email_content(self):
        with self.mock_mail_gateway():
            complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
            self._acknowledge()
            mail = self.assertMailMail(self.customer, "outgoing", content="Broken lamp")
            self.assertIn(complaint.name, mail.subject)
            self.assertIn(complaint.name, mail.body_html)
            self.assertIn('dir="ltr"', mail.body_html)
            self.assertNotSentEmail()
            mail.send()
        self.assertSentEmail(mail.email_from, [self.customer], subject=mail.subject)
        self.assertFalse(complaint.acknowledgement_pending)
        self.assertTrue(complaint.date_acknowledged)

    def test_acknowledgement_cron_idempotent(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self._acknowledge()
        acknowledged_on = complaint.date_acknowledged
        self._acknowledge()
        self.assertEqual(len(self._customer_mails(complaint, self.customer)), 1, "a second run sends nothing")
        self.assertEqual(complaint.date_acknowledged, acknowledged_on)

    def test_acknowledgement_to_email_only_contact(self):
        complaint = self.Complaint.create(
            {"subject": "Rude driver", "partner_name": "Niloofar Guest", "partner_email": "niloofar@guest.example.com"}
        )
        self._acknowledge()
        message = complaint.message_ids.filtered(lambda m: complaint.name in (m.subject or ""))
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids.email, "niloofar@guest.example.com")

    def test_acknowledgement_in_persian_is_right_to_left(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.customer.lang = "fa_IR"
        with self.mock_mail_gateway():
            self.Complaint.create({"subject": "کالا آسیب‌دیده تحویل شد", "partner_id": self.customer.id})
            self._acknowledge()
        mail = self.assertMailMail(self.customer, "outgoing", content="کالا آسیب‌دیده تحویل شد")
        self.assertIn('dir="rtl"', mail.body_html)

    def test_acknowledgement_to_a_customer_without_email_is_kept_not_sent(self):
        """A customer known by phone only: the acknowledgement is in their thread (their page shows
        it), its email cancelled for want of an address rather than failing in the queue."""
        walk_in = self.env["res.partner"].create({"name": "Kaveh Phone", "phone": "+98 21 5555 0101"})
        with self.mock_mail_gateway():
            complaint = self.Complaint.create({"subject": "Late delivery", "partner_id": walk_in.id})
            self._acknowledge()
        message = complaint.website_message_ids.filtered(lambda m: complaint.name in (m.subject or ""))
        self.assertEqual(len(message), 1)
        self.assertMailMail(
            walk_in, "cancel", mail_message=message, fields_values={"failure_type": "mail_email_missing"}
        )
        self.assertEqual(message.notification_ids.notification_status, "canceled")
        self.assertEqual(message.notification_ids.res_partner_id, walk_in)

    def test_complaint_without_contact_skipped_by_acknowledgement(self):
        complaint = self.Complaint.create({"subject": "Walk-in, no details"})
        self._acknowledge()
        self.assertFalse(complaint.acknowledgement_pending)
        self.assertFalse(complaint.message_ids.filtered(lambda m: m.message_type == "comment"))

    def test_stage_email_sent_with_content(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self._acknowledge()
        complaint.stage_id = self.stage_progress
        self._flush_tracking()
        mails = self._customer_mails(complaint, self.customer)
        stage_mail = mails.filtered(lambda m: "being handled" in m.subject)
        self.assertEqual(len(stage_mail), 1)
        self.assertIn(complaint.name, stage_mail.body)
        complaint.stage_id = self.stage_resolved
        self._flush_tracking()
        resolved_mail = self._customer_mails(complaint, self.customer).filtered(lambda m: "resolved" in m.subject)
        self.assertEqual(len(resolved_mail), 1)

    def test_stage_without_template_sends_no_email(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self._acknowledge()
        before = self._customer_mails(complaint, self.customer)
        self.stage_waiting.mail_template_id = False
        complaint.stage_id = self.stage_waiting
        self._flush_tracking()
        self.assertEqual(self._customer_mails(complaint, self.customer), before)

    def test_customer_and_assignee_follow(self):
        complaint = self.Complaint.create(
            {"subject": "Broken lamp", "partner_id": self.customer.id, "team_id": self.team_a.id}
        )
        self.assertIn(self.customer, complaint.message_partner_ids)
        self.assertIn(complaint.user_id.partner_id, complaint.message_partner_ids)
        complaint.user_id = self.user_a3
        self.assertIn(self.user_a3.partner_id, complaint.message_partner_ids)

    def test_first_response_on_public_staff_reply(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        complaint.message_post(body="Internal note", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertFalse(complaint.date_first_response, "an internal note is no response")
        complaint.message_post(body="We are on it", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertTrue(complaint.date_first_response)

    def test_acknowledgement_batch_each_gets_own_code(self):
        customers = self.customer | self.other_customer
        complaints = self.Complaint.create(
            [{"subject": f"Lamp {i}", "partner_id": p.id} for i, p in enumerate(customers)]
        )
        self._acknowledge()
        for complaint, customer in zip(complaints, customers, strict=True):
            mail = self._customer_mails(complaint, customer)
            self.assertEqual(len(mail), 1)
            self.assertIn(complaint.name, mail.body)
            self.assertEqual(mail.partner_ids, customer, "each customer gets only their own acknowledgement")

    def test_emails_to_the_customer_are_in_their_thread_not_sent_to_staff(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        complaint.message_subscribe(partner_ids=(self.user_a2 | self.manager).partner_id.ids)
        self._acknowledge()
        complaint.stage_id = self.stage_progress
        self._flush_tracking()
        sent = complaint.message_ids.filtered(lambda m: m.message_type == "auto_comment")
        self.assertEqual(len(sent), 2, "the acknowledgement and the status email")
        for message in sent:
            self.assertFalse(message.is_internal or message.subtype_id.internal, "public: on the customer's page")
            self.assertEqual(message.partner_ids, self.customer)
        # what the customer's page lists (Odoo's portal fetch): our emails are there
        shown = complaint.website_message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_comment") and not m.is_internal
        )
        self.assertEqual(shown & sent, sent)
        # staff followers get no copy, by email or in their inbox
        staff = (self.user_a1 | self.user_a2 | self.manager).partner_id
        self.assertFalse(
            self.env["mail.notification"]
            .sudo()
            .search([("mail_message_id", "in", sent.ids), ("res_partner_id", "in", staff.ids)])
        )

    def test_waiting_and_not_upheld_tell_the_customer(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self._acknowledge()
        complaint.stage_id = self.stage_waiting
        self._flush_tracking()
        asked = self._customer_mails(complaint, self.customer).filtered(lambda m: "need your answer" in m.subject)
        self.assertEqual(len(asked), 1, "asked for what the team needs, before any reminder")
        self.assertIn("we need information from you", asked.body)
        complaint.write(
            {
                "resolution": "<p>The lamp was delivered intact, as the photo shows.</p>",
                "stage_id": self.env.ref("complaint_management.complaint_stage_rejected").id,
            }
        )
        self._flush_tracking()
        decision = self._customer_mails(complaint, self.customer).filtered(lambda m: "Our decision" in m.subject)
        self.assertEqual(len(decision), 1)
        self.assertIn("decided not to uphold it", decision.body)
        self.assertIn("delivered intact", decision.body, "with its reasons")
        self.assertIn("If you disagree", decision.body)

    def test_email_header_gives_the_code_as_written(self):
        complaint = self.Complaint.create({"subject": "Broken lamp", "partner_id": self.customer.id})
        self._acknowledge()
        mail = self.env["mail.mail"].sudo().search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
        self.assertIn(f"{complaint.name} - Broken lamp", mail.body_html)
        self.assertNotIn(complaint.name.replace("/", "-"), mail.body_html)
