from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintRouting(ComplaintCommon):
    """Team A handles deliveries by category; rules send complaints elsewhere by each criterion."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supply = cls.env["complaint.team"].create({"name": "Supply"})
        cls.vip = cls.env["complaint.team"].create({"name": "VIP care"})
        cls.phone = cls.env["complaint.team"].create({"name": "Phone desk"})
        cls.quality = cls.env["complaint.category"].create({"name": "Product quality"})
        cls.quality_smell = cls.env["complaint.category"].create({"name": "Smell", "parent_id": cls.quality.id})
        cls.furniture = cls.env["product.category"].create({"name": "Furniture"})
        cls.chairs = cls.env["product.category"].create({"name": "Chairs", "parent_id": cls.furniture.id})
        cls.chair = cls.env["product.product"].create({"name": "Office chair", "categ_id": cls.chairs.id})
        cls.lamp = cls.env["product.product"].create({"name": "Desk lamp"})
        cls.vip_tag = cls.env["res.partner.category"].create({"name": "VIP"})
        Rule = cls.env["complaint.routing.rule"]
        Rule.create(
            [
                {"sequence": 1, "partner_tag_id": cls.vip_tag.id, "team_id": cls.vip.id},
                {"sequence": 2, "category_id": cls.quality.id, "team_id": cls.supply.id},
                {"sequence": 3, "product_categ_id": cls.furniture.id, "team_id": cls.supply.id},
                {"sequence": 4, "product_id": cls.lamp.id, "channel": "email", "team_id": cls.supply.id},
                {"sequence": 5, "channel": "phone", "category_id": cls.category_billing.id, "team_id": cls.phone.id},
            ]
        )

    def test_category_with_subcategories(self):
        self.assertEqual(self._create_complaint(category_id=self.quality_smell.id).team_id, self.supply)

    def test_product_category_with_subcategories(self):
        self.assertEqual(self._create_complaint(product_id=self.chair.id, channel="web").team_id, self.supply)

    def test_product_and_channel_together(self):
        self.assertEqual(self._create_complaint(product_id=self.lamp.id, channel="email").team_id, self.supply)
        unrouted = self._create_complaint(product_id=self.lamp.id, channel="web")
        self.assertEqual(
            unrouted.team_id,
            self.env["complaint.team"]._first_of(self.env.company)[self.env.company],
            "no rule: the company's first team",
        )

    def test_channel(self):
        billing = self.category_billing
        self.assertEqual(self._create_complaint(category_id=billing.id, channel="phone").team_id, self.phone)
        self.assertEqual(
            self._create_complaint(category_id=billing.id, channel="web").team_id,
            self.team_b,
            "no rule matches: the team handling the category",
        )

    def test_customer_tag_of_the_company_first(self):
        self.customer.category_id = self.vip_tag
        complaint = self._create_complaint(partner_id=self.customer_contact.id, category_id=self.quality.id)
        self.assertEqual(complaint.team_id, self.vip, "the first rule in sequence wins")

    def test_routed_team_assigns_by_its_method(self):
        self.supply.write({"member_ids": [(6, 0, self.user_b1.ids)], "assignment_method": "round_robin"})
        complaint = self._create_complaint(category_id=self.quality.id)
        self.assertEqual(complaint.user_id, self.user_b1)

    def test_no_rule_keeps_category_routing(self):
        self.assertEqual(self._create_complaint(category_id=self.category_late.id).team_id, self.team_a)

    def test_complaint_no_rule_nor_category_routes_goes_to_the_first_team(self):
        first = self.env["complaint.team"].create(
            {
                "name": "Front desk",
                "sequence": -1,
                "member_ids": [(6, 0, self.user_a1.ids)],
                "assignment_method": "round_robin",
            }
        )
        complaint = self.env["complaint.complaint"].create({"subject": "Something else", "channel": "phone"})
        self.assertEqual(complaint.team_id, first, "every complaint has a team")
        self.assertEqual(complaint.user_id, self.user_a1, "and an assignee when the team assigns")
        chosen = self.env["complaint.complaint"].create({"subject": "Chosen", "team_id": self.team_b.id})
        self.assertEqual(chosen.team_id, self.team_b, "a team given is kept")
