from datetime import date, timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintCoupon(TransactionCase):
    """A team gives a single-use code of a 10 % coupon program once a complaint is resolved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Sorry coupon",
                "program_type": "coupons",
                "trigger": "with_code",
                "reward_ids": [(0, 0, {"reward_type": "discount", "discount": 10, "required_points": 1})],
            }
        )
        cls.agent = new_test_user(
            cls.env,
            login="cm_coupon_agent",
            name="Arash Agent",
            groups="base.group_user,complaint_management.group_complaint_user",
        )
        cls.team = cls.env["complaint.team"].create(
            {
                "name": "Generous team",
                "member_ids": [(6, 0, cls.agent.ids)],
                "reward_on": "resolution",
                "reward_type": "coupon",
                "reward_program_id": cls.program.id,
            }
        )
        cls.customers = cls.env["res.partner"].create(
            [
                {"name": "Mahsa Customer", "email": "mahsa@example.com"},
                {"name": "Babak Customer", "email": "babak@example.com"},
            ]
        )
        cls.resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.progress = cls.env.ref("complaint_management.complaint_stage_in_progress")

    def _complaints(self):
        return (
            self.env["complaint.complaint"]
            .with_user(self.agent)
            .create(
                [
                    {"subject": "Broken", "partner_id": customer.id, "team_id": self.team.id}
                    for customer in self.customers
                ]
            )
        )

    def _coupon_mails(self, complaint):
        return complaint.message_ids.filtered(lambda m: "A gesture for your trouble" in (m.subject or ""))

    def test_code_generated_once_unique_and_sent(self):
        complaints = self._complaints()
        complaints.stage_id = self.resolved  # by an agent without coupon rights
        cards = complaints.sudo().reward_coupon_id
        self.assertEqual(len(cards), 2)
        self.assertEqual(len(set(cards.mapped("code"))), 2, "one code per customer")
        self.assertEqual(cards.partner_id, self.customers)
        self.assertEqual(cards.mapped("points"), [1.0, 1.0], "one use of the program's reward")
        self.assertEqual(cards.program_id, self.program)
        expiry = fields.Date.context_today(cards) + timedelta(days=90)
        self.assertEqual(cards.mapped("expiration_date"), [expiry, expiry], "the team's 90 days")
        for complaint in complaints:
            mail = self._coupon_mails(complaint)
            self.assertEqual(len(mail), 1)
            self.assertIn(complaint.reward_code, mail.body)
            self.assertIn("It gives you <strong>10% on your order</strong>", mail.body, "what the code is worth")
            self.assertIn(f"It is valid until {complaint._customer_date(expiry)}, for one use", mail.body)

        complaints.stage_id = self.progress
        complaints.stage_id = self.resolved
        self.assertEqual(complaints.sudo().reward_coupon_id, cards, "no second code after a reopen")
        self.assertEqual(self.env["loyalty.card"].search_count([("program_id", "=", self.program.id)]), 2)
        self.assertEqual(len(self._coupon_mails(complaints[0])), 1)

    def test_thank_you_email_still_works(self):
        self.team.reward_type = "email"
        complaints = self._complaints()
        complaints.stage_id = self.resolved
        self.assertFalse(complaints.sudo().reward_coupon_id)
        thanks = complaints[0].message_ids.filtered(lambda m: "Thank you for your patience" in (m.subject or ""))
        self.assertTrue(thanks)

    def test_value_and_expiry_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management_loyalty"], ["fa_IR"], overwrite=True)
        self.program.reward_ids.with_context(lang="fa_IR").description = "۱۰٪ تخفیف روی سفارش"
        self.program.date_to = date.today() + timedelta(days=10)
        self.customers.lang = "fa_IR"
        complaint = self._complaints()[0]
        complaint.stage_id = self.resolved
        card = complaint.sudo().reward_coupon_id
        self.assertEqual(card.expiration_date, self.program.date_to, "the program ends before the team's 90 days")
        [body] = complaint.message_ids.filtered(lambda m: card.code in (m.body or "")).mapped("body")
        self.assertIn("ارزش این کد: <strong>۱۰٪ تخفیف روی سفارش</strong>", body)
        self.assertIn(complaint.with_context(lang="fa_IR")._customer_date(card.expiration_date), body)
