from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.complaint_management.tests.common import ComplaintCommon

from .common import confirmed_order


@tagged("complaint_management", "post_install", "-at_install")
class TestSaleOrderComplaints(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create({"name": "Walnut desk", "list_price": 300})
        cls.other_product = cls.env["product.product"].create({"name": "Oak chair", "list_price": 80})
        cls.order = confirmed_order(cls.env, cls.customer, cls.product)
        cls.other_order = confirmed_order(cls.env, cls.other_customer, cls.other_product)

    def test_smart_button_counts(self):
        self._create_complaint(sale_order_id=self.order.id)
        self._create_complaint(partner_id=self.customer_contact.id, sale_order_id=self.order.id)
        self._create_complaint(partner_id=self.other_customer.id, sale_order_id=self.other_order.id)
        orders = (self.order | self.other_order).with_user(self.manager)
        self.assertEqual(orders.mapped("complaint_count"), [2, 1])
        many = self.env["sale.order"].create([{"partner_id": self.customer.id} for _i in range(10)])
        orders.invalidate_recordset()
        before = self.cr.sql_log_count
        orders.mapped("complaint_count")
        two_orders = self.cr.sql_log_count - before
        (orders | many).with_user(self.manager).invalidate_recordset()
        before = self.cr.sql_log_count
        (orders | many).with_user(self.manager).mapped("complaint_count")
        self.assertEqual(self.cr.sql_log_count - before, two_orders, "one query whatever the number of orders")
        action = self.order.action_view_complaints()
        self.assertEqual(len(self.env["complaint.complaint"].search(action["domain"])), 2)

    def test_sales_users_without_complaint_rights_read_orders(self):
        """Every field the addons add to sales orders and companies reads for a salesperson who does
        not work complaints (exports, imports, integrations and Odoo itself read all fields)."""
        salesperson = new_test_user(self.env, login="cm_salesperson", groups="sales_team.group_sale_salesman_all_leads")
        self._create_complaint(sale_order_id=self.order.id)
        order = self.order.with_user(salesperson)
        self.assertEqual(order.read(["name"])[0]["name"], self.order.name)
        self.assertTrue(order.read())
        self.assertTrue(order.company_id.read())

    def test_new_complaint_prefilled_from_order(self):
        action = self.order.action_new_complaint()
        self.assertEqual(action["res_model"], "complaint.complaint")
        form = Form(self.env["complaint.complaint"].with_context(**action["context"]))
        form.subject = "Scratched desk top"
        complaint = form.save()
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(complaint.partner_email, self.customer.email)

    def test_order_products_offered(self):
        order = confirmed_order(self.env, self.customer, self.product, self.other_product)
        complaint = self._create_complaint(sale_order_id=order.id)
        self.assertEqual(complaint.sale_order_product_ids, self.product | self.other_product)
        self.assertFalse(complaint.product_id, "with several products, the customer's choice is not guessed")

    def test_other_customers_order_refused(self):
        with self.assertRaisesRegex(ValidationError, f"{self.other_order.name} belongs to Other Ltd"):
            self._create_complaint(sale_order_id=self.other_order.id)
        complaint = self._create_complaint(sale_order_id=self.order.id)
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            complaint.partner_id = self.other_customer

    def test_product_must_be_on_order(self):
        with self.assertRaisesRegex(ValidationError, "is not on sales order"):
            self._create_complaint(sale_order_id=self.order.id, product_id=self.other_product.id)

    def test_complaint_user_without_sales_rights(self):
        complaint = self._create_complaint(sale_order_id=self.order.id, team_id=self.team_a.id)
        as_user = complaint.with_user(self.user_a1)
        self.assertFalse(self.user_a1.has_group("sales_team.group_sale_salesman"))
        self.assertEqual(as_user.read(["sale_order_product_ids", "product_id"])[0]["product_id"][0], self.product.id)
        as_user.partner_id = self.customer_contact
        self.assertEqual(as_user.partner_id, self.customer_contact)
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            as_user.partner_id = self.other_customer

    def test_choosing_an_order_fills_its_only_product(self):
        complaint = self._create_complaint(product_id=self.other_product.id)
        complaint.sale_order_id = self.order
        self.assertEqual(complaint.product_id, self.product, "the order's only product replaces one not on it")
        two = confirmed_order(self.env, self.customer, self.product, self.other_product)
        complaint.sale_order_id = two
        self.assertEqual(complaint.product_id, self.product, "a product on the new order is kept")

    def test_quick_intake_shows_last_orders_to_staff_without_sales_rights(self):
        intake = (
            self.env["complaint.complaint.intake"]
            .with_user(self.user_a1)
            .create(
                {
                    "lookup": "info@parsa.example.com",
                    "partner_id": self.customer.id,
                    "subject": "Desk wobbles",
                    "sale_order_id": self.order.id,
                }
            )
        )
        self.assertIn(self.order.name, intake.recent_orders)
        self.assertNotIn(self.other_order.name, intake.recent_orders)
        complaint = self.env["complaint.complaint"].browse(intake.action_file()["res_id"])
        self.assertEqual((complaint.sale_order_id, complaint.product_id), (self.order, self.product))
