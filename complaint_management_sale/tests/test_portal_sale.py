from odoo.tests import tagged

from odoo.addons.complaint_management.tests.common import ComplaintPortalCommon

from .common import confirmed_order


@tagged("complaint_management", "post_install", "-at_install")
class TestPortalSale(ComplaintPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.desk = Product.create({"name": "Walnut desk", "list_price": 300})
        cls.chair = Product.create({"name": "Oak chair", "list_price": 80})
        cls.lamp = Product.create({"name": "Brass lamp", "list_price": 40})
        cls.order_a = confirmed_order(cls.env, cls.portal_a.partner_id, cls.desk, cls.chair)
        cls.order_b = confirmed_order(cls.env, cls.portal_b.partner_id, cls.lamp)

    def _file(self, **values):
        form = {"subject": "Order problem", "description": "Something is wrong."}
        return self._post_form("/my/complaints/new", dict(form, **values))

    def test_form_offers_own_orders_only(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        page = self.url_open("/my/complaints/new").text
        self.assertIn(self.order_a.name, page)
        self.assertNotIn(self.order_b.name, page)
        self.assertIn(f'data-order="{self.order_a.id}"', page)

    def test_file_on_own_order_and_product(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        response = self._file(sale_order_id=str(self.order_a.id), product_id=str(self.chair.id))
        self.assertEqual(response.status_code, 303)
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Order problem")])
        self.assertEqual(complaint.sale_order_id, self.order_a)
        self.assertEqual(complaint.product_id, self.chair)

    def test_followed_order_of_another_customer_not_offered(self):
        # Odoo's portal rule lets followers read an order; the form offers only the customer's own
        self.order_b.message_subscribe(partner_ids=self.portal_a.partner_id.ids)
        self.authenticate("cm_portal_a", "cm_portal_a")
        self.assertNotIn(self.order_b.name, self.url_open("/my/complaints/new").text)
        response = self._file(sale_order_id=str(self.order_b.id))
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("Nina", response.text)

    def test_other_customers_order_or_foreign_product_refused(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        count = self.env["complaint.complaint"].search_count([])
        for order_id in (str(self.order_b.id), "²", "9" * 30):
            response = self._file(sale_order_id=order_id)
            self.assertEqual(response.status_code, 400)
            self.assertIn("Please choose one of your orders", response.text)
        response = self._file(sale_order_id=str(self.order_a.id), product_id=str(self.lamp.id))
        self.assertEqual(response.status_code, 400)
        self.assertIn("Please choose a product of this order", response.text)
        self.assertEqual(self.env["complaint.complaint"].search_count([]), count)

    def test_public_order_reference_linked_once_the_customer_proves_the_email(self):
        form = {"name": "Reza Portal", "subject": "Typed order", "description": "Late."}
        self._post_form(
            "/complaints/new", dict(form, email="reza@portal-a.example.com", order_reference=self.order_a.name.lower())
        )
        self._post_form("/complaints/new", dict(form, email="stranger@example.com", order_reference=self.order_a.name))
        complaints = self.env["complaint.complaint"].search([("subject", "=", "Typed order")], order="id")
        self.assertFalse(complaints.sale_order_id, "typing the customer's email and order proves nothing")
        # each opens the link emailed to the address they typed: only the customer's joins the order
        for complaint in complaints:
            self.url_open(
                complaint.get_portal_url(query_string=f"&verify={complaint._portal_email_verification_token()}")
            )
        self.assertEqual(complaints[0].partner_id, self.portal_a.partner_id)
        self.assertEqual(complaints[0].sale_order_id, self.order_a)
        self.assertFalse(complaints[1].sale_order_id)
        self.assertEqual(complaints[1].order_reference, self.order_a.name)
