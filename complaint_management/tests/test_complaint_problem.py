from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged, users

from odoo.addons.mail.tests.common import MailCase

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintProblem(ComplaintCommon, MailCase):
    """Complaints with the same problem, linked, and their customers updated at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_notrack=False))
        cls.third_customer = cls.env["res.partner"].create(
            {"name": "Nima Rahimi", "email": "nima@example.com", "lang": "en_US"}
        )
        burnt = "The blender's motor smelled of burning after two minutes."
        cls.mine = cls._create_complaint(subject="Blender burnt", description=burnt, team_id=cls.team_a.id)
        cls.other = cls._create_complaint(
            subject="Smell of burning", partner_id=cls.other_customer.id, team_id=cls.team_a.id
        )
        cls.third = cls._create_complaint(subject="Motor dead", partner_id=cls.third_customer.id, team_id=cls.team_a.id)
        cls.team_b_complaint = cls._create_complaint(
            subject="Burnt blender too", partner_id=cls.third_customer.id, team_id=cls.team_b.id
        )

    @users("cm_a1")
    def test_linked_complaints_share_one_problem(self):
        mine, other, third = (complaint.with_env(self.env) for complaint in (self.mine, self.other, self.third))
        problem = mine._join_problem(other)
        self.assertEqual(problem.name, "Blender burnt", "named after the complaint it was linked from")
        self.assertEqual((mine | other).problem_id, problem)
        self.assertEqual(third._join_problem(other), problem, "a complaint joins the problem of the other")
        self.assertEqual(problem.complaint_count, 3)
        self.assertEqual(problem.open_complaint_count, 3)

    @users("cm_a1")
    def test_an_update_reaches_every_customer(self):
        problem = self.mine.with_env(self.env)._join_problem(self.other | self.third)
        wizard = Form(self.env["complaint.problem.update"].with_context(default_problem_id=problem.id))
        self.assertEqual(len(wizard.complaint_ids), 3, "the problem's open complaints")
        wizard.body = "<p>A fixed motor is on its way to you.</p>"
        with self.mock_mail_gateway():
            wizard.save().action_send()
        for complaint, customer in (
            (self.mine, self.customer),
            (self.other, self.other_customer),
            (self.third, self.third_customer),
        ):
            message = complaint.message_ids.filtered(lambda m: "fixed motor" in (m.body or ""))
            self.assertEqual(message.partner_ids, customer, "a reply to each customer on their own complaint")
            self.assertEqual(message.author_id, self.user_a1.partner_id)
            self.assertSentEmail(self.user_a1.partner_id, [customer], body_content="fixed motor")
        self.assertEqual(self.mine.staff_reply_count, 1)
        self.assertIn("fixed motor", problem.message_ids[0].body, "the problem keeps what was sent")

    @users("cm_a1")
    def test_the_fix_resolves_them(self):
        problem = self.mine.with_env(self.env)._join_problem(self.other)
        wizard = Form(self.env["complaint.problem.update"].with_context(default_problem_id=problem.id))
        wizard.resolve = True
        self.assertTrue(wizard.stage_id.is_resolved)
        wizard.body = "<p>We replace every BX-200 blender of this batch.</p>"
        wizard.save().action_send()
        for complaint in self.mine | self.other:
            self.assertEqual(complaint.stage_id, self.stage_resolved)
            self.assertIn("every BX-200", complaint.resolution)
            self.assertTrue(complaint.date_resolved)

    @users("cm_a1")
    def test_staff_reach_only_the_complaints_they_may_work(self):
        problem = self.mine.with_env(self.env)._join_problem(self.other)
        self.team_b_complaint.problem_id = problem  # by a manager, or team B
        self.env.invalidate_all()
        self.assertEqual(problem.complaint_count, 2, "team B's complaint is not counted for team A")
        self.assertEqual(problem.complaint_ids, self.mine | self.other)
        wizard = self.env["complaint.problem.update"].create({"problem_id": problem.id, "body": "<p>Update</p>"})
        self.assertEqual(wizard.complaint_ids, self.mine | self.other)
        wizard.complaint_ids = [(4, self.team_b_complaint.id)]  # by RPC: the wizard reads it without
        self.env.invalidate_all()
        wizard.action_send()
        self.assertFalse(self.team_b_complaint.sudo().message_ids.filtered(lambda m: "Update" in (m.body or "")))
        self.assertTrue(self.other.sudo().message_ids.filtered(lambda m: "Update" in (m.body or "")))

    @users("cm_a1")
    def test_nothing_is_sent_without_a_message_or_complaints(self):
        problem = self.mine.with_env(self.env)._join_problem(self.other)
        wizard = self.env["complaint.problem.update"].create({"problem_id": problem.id, "body": "<p><br></p>"})
        with self.assertRaisesRegex(UserError, "Write the message"):
            wizard.action_send()
        wizard.write({"body": "<p>Update</p>", "complaint_ids": [(5, 0, 0)]})
        with self.assertRaisesRegex(UserError, "Choose the complaints"):
            wizard.action_send()
        wizard.write({"complaint_ids": [(4, self.third.id)]})
        with self.assertRaisesRegex(UserError, "Choose the complaints"):
            wizard.action_send()  # not a complaint of the problem

    @users("cm_a1")
    def test_the_fix_moves_to_a_resolution_stage(self):
        problem = self.mine.with_env(self.env)._join_problem(self.other)
        wizard = self.env["complaint.problem.update"].create(
            {"problem_id": problem.id, "body": "<p>Fixed</p>", "resolve": True, "stage_id": self.stage_new.id}
        )
        with self.assertRaisesRegex(UserError, "resolution stage"):
            wizard.action_send()
        self.assertFalse(self.mine.resolution)

    def test_another_teams_problem_stays_theirs(self):
        problem = self.mine.with_user(self.user_a1)._join_problem(self.other)
        problem.with_user(self.user_a1).message_post(body="Refund for card ending 4242", message_type="comment")
        as_b1 = self.env["complaint.problem"].with_user(self.user_b1)
        self.assertFalse(as_b1.search([("id", "=", problem.id)]), "team B works none of its complaints")
        with self.assertRaises(AccessError):
            problem.with_user(self.user_b1).read(["name"])
        messages = (
            self.env["mail.message"]
            .with_user(self.user_b1)
            .search([("model", "=", "complaint.problem"), ("res_id", "=", problem.id)])
        )
        self.assertFalse(messages, "nor what was sent to its customers")
        with self.assertRaises(AccessError):
            self.team_b_complaint.with_user(self.user_b1).problem_id = problem
        wizard = (
            self.env["complaint.problem.update"]
            .with_user(self.user_b1)
            .create({"problem_id": problem.id, "body": "<p>Update</p>"})
        )
        with self.assertRaises(AccessError):
            wizard.action_send()
        self.assertTrue(problem.with_user(self.manager).name, "managers see every problem")
        self.team_b_complaint.problem_id = problem  # linked by a manager
        self.env.invalidate_all()
        self.assertEqual(as_b1.search([("id", "=", problem.id)]), problem, "now team B works one of its complaints")
        self.assertEqual(problem.with_user(self.user_b1).complaint_ids, self.team_b_complaint, "theirs only")

    def test_customers_see_no_problem(self):
        portal = new_test_user(
            self.env, login="problem_portal", groups="base.group_portal", partner_id=self.customer_contact.id
        )
        self.assertTrue(self.mine.with_user(portal).read(["subject"]), "their own complaint")
        problem = self.mine._join_problem(self.other)
        with self.assertRaises(AccessError):
            problem.with_user(portal).read(["name"])
        with self.assertRaises(AccessError):
            self.mine.with_user(portal).read(["problem_id"])
