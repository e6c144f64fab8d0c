from odoo.tests import Form, tagged, users

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintCanned(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Response = cls.env["complaint.canned.response"]
        Response.search([]).active = False  # the demo's responses aside
        cls.delivery = Response.create(
            {
                "name": "Courier contacted",
                "category_ids": [(6, 0, cls.category_delivery.ids)],
                "body": "<p>We asked the courier to deliver again.</p>",
            }
        )
        cls.billing = Response.create(
            {
                "name": "Invoice corrected",
                "category_ids": [(6, 0, cls.category_billing.ids)],
                "body": "<p>Your invoice is corrected.</p>",
            }
        )
        cls.general = Response.create({"name": "Thanks for waiting", "body": "<p>Thank you for your patience.</p>"})

    def test_suggested_by_category_then_general(self):
        complaint = self._create_complaint(category_id=self.category_late.id)  # a subcategory of delivery
        self.assertEqual(self.env["complaint.canned.response"]._suggested_for(complaint), self.delivery | self.general)

    @users("cm_a1")
    def test_reply_from_a_canned_response_reaches_the_customer(self):
        complaint = self._create_complaint(category_id=self.category_late.id)
        action = complaint.with_env(self.env).action_reply()
        reply = Form(self.env[action["res_model"]].with_context(**action["context"]))
        reply.response_id = self.delivery
        self.assertIn("deliver again", reply.body)
        reply.save().action_send()
        message = complaint.message_ids.filtered(lambda m: "deliver again" in (m.body or ""))
        self.assertEqual(message.partner_ids, self.customer)
        self.assertEqual(message.author_id, self.user_a1.partner_id)
        self.assertEqual(complaint.staff_reply_count, 1, "a reply to the customer")

    def test_placeholders_take_the_complaints_values(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.customer.lang = "fa_IR"
        response = self.env["complaint.canned.response"].create(
            {
                "name": "Personal",
                "body": "<p>Dear {customer}, about {code} ({subject}), {handler} will call you. "
                "{unknown} stays.</p>",
            }
        )
        complaint = self._create_complaint(subject="Lamp <broken>", user_id=self.user_a2.id, team_id=self.team_a.id)
        body = response._body_for(complaint)
        self.assertIn(f"Dear {self.customer.name}, about {complaint.name}", body)
        self.assertIn("(Lamp &lt;broken&gt;)", body, "values are text, not markup")
        self.assertIn("Bita will call you", body, "the handler's first name")
        self.assertIn("{unknown} stays", body)
