from odoo.tests import tagged, users

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestResPartner(ComplaintCommon):
    @users("cm_manager")
    def test_company_counts_its_contacts_complaints(self):
        self._create_complaint()
        self._create_complaint(partner_id=self.customer_contact.id)
        self._create_complaint(partner_id=self.customer_contact.id)
        self._create_complaint(partner_id=self.other_customer.id)
        partners = (self.customer | self.customer_contact | self.other_customer).with_env(self.env)
        self.assertEqual(partners.mapped("complaint_count"), [3, 2, 1])

    def _count_queries(self, partners):
        partners.invalidate_recordset()
        queries_before = self.cr.sql_log_count
        partners.mapped("complaint_count")
        return self.cr.sql_log_count - queries_before

    @users("cm_manager")
    def test_count_queries_do_not_grow_with_partners(self):
        # sudo: the manager reads customers, Sales' rules keep creating them to its users
        partners = (
            self.env["res.partner"]
            .sudo()
            .create([{"name": f"P{i}", "parent_id": self.customer.id} for i in range(20)])
            .with_env(self.env)
        )
        self.env["complaint.complaint"].create([{"subject": "x", "partner_id": p.id} for p in partners])
        self._count_queries(partners[:2])  # warm the access caches
        self.assertEqual(self._count_queries(partners[:2]), self._count_queries(partners))
        self.assertLessEqual(self._count_queries(partners | self.customer.with_env(self.env)), 4)
        self.assertEqual(self.customer.with_env(self.env).complaint_count, 20)

    def test_smart_button_action_lists_company_complaints(self):
        mine = self._create_complaint(partner_id=self.customer_contact.id)
        self._create_complaint(partner_id=self.other_customer.id)
        action = self.customer.action_view_complaints()
        self.assertEqual(self.env["complaint.complaint"].search(action["domain"]), mine)
