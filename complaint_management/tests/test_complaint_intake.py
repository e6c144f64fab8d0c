from odoo.tests import Form, tagged

from odoo.addons.base.tests.test_ir_cron import CronMixinCase

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintIntake(ComplaintCommon, CronMixinCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.phone = "+98 21 8888 1234"
        cls.earlier = cls._create_complaint(subject="Late last month", team_id=cls.team_a.id)
        cls.Intake = cls.env["complaint.complaint.intake"].with_user(cls.user_a1)

    def test_customer_found_by_phone_email_or_name(self):
        for lookup in ("021 8888 1234", "+982188881234", "۰۲۱۸۸۸۸۱۲۳۴", "INFO@parsa.example.com", "parsa trad"):
            with self.subTest(lookup=lookup):
                self.assertEqual(self.Intake._find_customer(lookup), self.customer)
        self.assertFalse(self.Intake._find_customer("zz"), "too short to search")

    def test_file_in_one_screen(self):
        with self.capture_triggers("complaint_management.ir_cron_complaint_acknowledge") as capture:
            intake = Form(self.Intake)
            intake.lookup = "021 8888 1234"
            self.assertEqual(intake.partner_id, self.customer)
            intake.subject = "Wrong size delivered"
            intake.description = "Ordered L, got S <b>twice</b>"
            intake.category_id = self.category_delivery
            wizard = intake.save()
            self.assertIn(self.earlier, wizard.previous_complaint_ids, "the customer's earlier complaints")
            action = wizard.action_file()
        complaint = self.env["complaint.complaint"].browse(action["res_id"])
        self.assertEqual(
            (complaint.partner_id, complaint.channel, complaint.team_id), (self.customer, "phone", self.team_a)
        )
        self.assertIn("&lt;b&gt;twice&lt;/b&gt;", complaint.description, "typed text, not markup")
        self.assertTrue(complaint.acknowledgement_pending)
        self.assertTrue(capture.records, "the acknowledgement goes out at once, not at the next minute")

    def test_customer_found_by_mobile_shows_it(self):
        mobile_only = self.env["res.partner"].create({"name": "Mobile Only", "mobile": "+98 912 000 1111"})
        intake = Form(self.Intake)
        intake.lookup = "+98 912 000 1111"
        self.assertEqual(intake.partner_id, mobile_only)
        self.assertEqual(intake.partner_phone, "+98 912 000 1111", "the number it was found by")
