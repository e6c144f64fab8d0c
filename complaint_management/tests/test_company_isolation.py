from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install", "security")
class TestCompanyIsolation(ComplaintCommon):
    """A manager of a sister company, attacking through RPC what its forms do not offer: nothing of
    hers goes into the other company, nothing of the other company's becomes hers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sister = cls.env["res.company"].create({"name": "Sister Shop"})
        cls.sister_manager = new_test_user(
            cls.env,
            login="cm_sister",
            name="Farzaneh Sister",
            company_id=cls.sister.id,
            company_ids=[(6, 0, cls.sister.ids)],
            groups="base.group_user,complaint_management.group_complaint_manager",
        )
        cls.sister_team = cls.env["complaint.team"].create(
            {"name": "Sister team", "company_id": cls.sister.id, "member_ids": [(6, 0, cls.sister_manager.ids)]}
        )
        cls.sister_complaint = cls.env["complaint.complaint"].create(
            {
                "subject": "Sister's",
                "company_id": cls.sister.id,
                "team_id": cls.sister_team.id,
                "partner_id": cls.other_customer.id,
            }
        )
        cls.as_sister = cls.env(
            user=cls.sister_manager, context=dict(cls.env.context, allowed_company_ids=cls.sister.ids)
        )

    def test_standard_policy_stays_with_its_team_and_covers_all(self):
        standard = self.sister_team._standard_policy().with_env(self.as_sister)
        for vals in (
            {"team_id": self.team_a.id},
            {"category_ids": [(6, 0, self.category_late.ids)]},
            {"channel": "email"},
            {"severity": "high"},
            {"is_team_standard": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                standard.write(vals)
        standard.write({"working_hours": False, "acknowledge_hours": 2})  # its clock and hours may change
        Policy = self.as_sister["complaint.sla.policy"]
        with self.assertRaises(UserError):
            Policy.create({"name": "Fake standard", "team_id": self.sister_team.id, "is_team_standard": True})
        vip = Policy.create({"name": "VIP", "team_id": self.sister_team.id, "resolve_hours": 8})
        with self.assertRaises(UserError):
            vip.is_team_standard = True
        with self.assertRaises(AccessError):
            vip.team_id = self.team_a  # the other company's team: its company follows the team
        with self.assertRaises(AccessError):
            Policy.create({"name": "Into A", "team_id": self.team_a.id, "resolve_hours": 8})

    def test_records_do_not_move_into_the_other_company(self):
        with self.assertRaises(AccessError):
            self.sister_complaint.with_env(self.as_sister).company_id = self.env.company
        with self.assertRaises(AccessError):
            self.sister_team.with_env(self.as_sister).company_id = self.env.company
        rule = self.as_sister["complaint.routing.rule"].create({"team_id": self.sister_team.id, "channel": "chat"})
        with self.assertRaises(AccessError):
            rule.write({"company_id": self.env.company.id, "team_id": self.team_a.id})
        self.assertEqual(rule.display_name, "Chat to Sister team")

    def test_only_people_of_the_company_are_assigned(self):
        with self.assertRaises(UserError):
            self.sister_complaint.with_env(self.as_sister).user_id = self.user_a1
        with self.assertRaises(ValidationError):
            self.sister_team.with_env(self.as_sister).member_ids = [(4, self.user_a1.id)]
        with self.assertRaises(ValidationError):
            self.sister_team.with_env(self.as_sister).leader_id = self.user_a1

    def test_canned_responses_of_each_company_and_shared(self):
        Response = self.env["complaint.canned.response"]
        Response.search([]).active = False
        own = Response.create({"name": "Ours", "body": "<p>Ours</p>"})
        shared = Response.create({"name": "Shared", "body": "<p>Shared</p>", "company_id": False})
        theirs = Response.with_env(self.as_sister).create({"name": "Theirs", "body": "<p>Theirs</p>"})
        self.assertEqual(theirs.company_id, self.sister)
        self.assertEqual(Response.with_env(self.as_sister).search([]), shared | theirs)
        with self.assertRaises(AccessError):
            own.with_env(self.as_sister).name = "Changed"
        self.assertEqual(Response._suggested_for(self.sister_complaint), shared | theirs)
