from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install", "security")
class TestComplaintSecurity(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint_a = cls._create_complaint(subject="Team A complaint", team_id=cls.team_a.id)
        cls.complaint_b = cls._create_complaint(subject="Team B complaint", team_id=cls.team_b.id)
        cls.complaint_free = cls._create_complaint(subject="Nobody's complaint", team_id=False)

    @users("cm_a1", "cm_a2")
    def test_team_a_user_cannot_read_team_b_complaint(self):
        with self.assertRaises(AccessError):
            self.complaint_b.with_env(self.env).read(["subject"])
        visible = self.env["complaint.complaint"].search([])
        self.assertIn(self.complaint_a, visible)
        self.assertIn(self.complaint_free, visible)
        self.assertNotIn(self.complaint_b, visible)

    @users("cm_a2")
    def test_user_reads_own_complaint_outside_team(self):
        self.complaint_b.user_id = self.user_a2
        self.assertEqual(self.complaint_b.with_env(self.env).subject, "Team B complaint")

    @users("cm_b1")
    def test_leader_reads_team_complaints(self):
        self.team_b.member_ids = False
        self.assertEqual(self.complaint_b.with_env(self.env).subject, "Team B complaint")

    @users("cm_a1")
    def test_user_logs_complaint_for_another_team(self):
        complaint = self.env["complaint.complaint"].create(
            {"subject": "Billing mistake", "partner_id": self.customer.id, "category_id": self.category_billing.id}
        )
        self.assertEqual(complaint.team_id, self.team_b)
        self.assertEqual(complaint.subject, "Billing mistake", "whoever logged a complaint still reads it")
        with self.assertRaises(AccessError):
            self.complaint_b.with_env(self.env).read(["subject"])

    @users("cm_a1")
    def test_user_tags_but_cannot_rename_tags(self):
        tag = self.env["complaint.tag"].create({"name": "Urgent refund"})
        with self.assertRaises(AccessError):
            tag.write({"name": "Renamed"})

    def test_repeat_is_per_company(self):
        other_company = self.env["res.company"].create({"name": "Sister Co"})
        topic = {"partner_id": self.other_customer.id, "category_id": self.category_billing.id}
        self._create_complaint(**topic, company_id=other_company.id)
        self.assertFalse(self._create_complaint(**topic).is_repeat)
        self.assertTrue(self._create_complaint(**topic).is_repeat)

    @users("cm_manager")
    def test_manager_reads_all(self):
        visible = self.env["complaint.complaint"].search([])
        self.assertTrue((self.complaint_a | self.complaint_b | self.complaint_free) <= visible)

    @users("cm_a1", "cm_b1")
    def test_user_cannot_change_configuration(self):
        with self.assertRaises(AccessError):
            self.stage_new.with_env(self.env).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.team_a.with_env(self.env).write({"assignment_method": "manual"})
        with self.assertRaises(AccessError):
            self.env["complaint.category"].create({"name": "Sneaky"})
        with self.assertRaises(AccessError):
            self.env["complaint.stage"].create({"name": "Sneaky"})

    @users("cm_manager")
    def test_manager_changes_configuration(self):
        self.stage_new.with_env(self.env).write({"description": "Just arrived"})
        category = self.env["complaint.category"].create({"name": "Allowed"})
        self.team_a.with_env(self.env).write({"assignment_method": "manual"})
        self.env.invalidate_all()
        self.assertEqual(self.stage_new.description, "Just arrived")
        self.assertEqual(category.sudo().name, "Allowed")
        self.assertEqual(self.team_a.assignment_method, "manual")

    @users("cm_a1", "cm_a2")
    def test_user_cannot_delete_complaints(self):
        with self.assertRaises(AccessError):
            self.complaint_a.with_env(self.env).unlink()

    @users("cm_a1", "cm_a2")
    def test_user_works_team_complaint(self):
        complaint = self.complaint_a.with_env(self.env)
        complaint.write({"stage_id": self.stage_progress.id, "resolution_type": "apology"})
        self.assertEqual(complaint.stage_id, self.stage_progress)

    def test_employee_without_group_sees_nothing(self):
        employee = self.env["res.users"].create({"name": "Plain Employee", "login": "cm_plain"})
        with self.assertRaises(AccessError):
            self.env["complaint.complaint"].with_user(employee).search([])

    @users("cm_manager")
    def test_other_company_complaint_hidden(self):
        other_company = self.env["res.company"].sudo().create({"name": "Other Co"})
        self.manager.company_ids |= other_company
        hidden = self._create_complaint(subject="Elsewhere", company_id=other_company.id, partner_id=False)
        visible = self.env["complaint.complaint"].with_context(allowed_company_ids=self.env.company.ids).search([])
        self.assertNotIn(hidden, visible)

    def test_followers_of_other_teams_complaints_hidden(self):
        self.complaint_a.message_subscribe(partner_ids=self.customer.ids)
        self.complaint_b.message_subscribe(partner_ids=(self.customer | self.user_b1.partner_id).ids)
        Followers = self.env["mail.followers"]
        followers_b = Followers.search(
            [("res_model", "=", "complaint.complaint"), ("res_id", "=", self.complaint_b.id)]
        )
        self.assertTrue(followers_b)
        with self.assertRaises(AccessError):
            followers_b.with_user(self.user_a1).read(["partner_id"])
        seen = Followers.with_user(self.user_a1).search_read(
            [("res_model", "=", "complaint.complaint")], ["res_id", "partner_id"]
        )
        self.assertNotIn(self.complaint_b.id, {follower["res_id"] for follower in seen})
        self.assertIn(self.complaint_a.id, {follower["res_id"] for follower in seen}, "their own team's are kept")
        self.assertTrue(followers_b.with_user(self.user_b1).read(["partner_id"]))
        employee = self.env["res.users"].create({"name": "Plain Employee", "login": "cm_plain_followers"})
        self.assertFalse(Followers.with_user(employee).search([("res_model", "=", "complaint.complaint")]))
        with self.assertRaises(AccessError):
            followers_b.with_user(employee).read(["partner_id"])
