from odoo.tests import HttpCase, new_test_user, tagged


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintUi(HttpCase):

    def test_kanban_create_open_and_move(self):
        user = new_test_user(
            self.env, login="cm_tour", name="Tina Tour",
            groups="base.group_user,complaint_management.group_complaint_user")
        self.start_tour(
            "/odoo/action-complaint_management.complaint_complaint_action", "complaint_kanban_tour", login=user.login)
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Tour: coffee machine leaks")])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.stage_id, self.env.ref("complaint_management.complaint_stage_in_progress"))
        self.assertEqual(complaint.create_uid, user)
        self.assertTrue(complaint.date_acknowledged)

    def test_sla_analysis_and_team_followups(self):
        user = new_test_user(
            self.env, login="cm_tour_manager", name="Mina Manager",
            groups="base.group_user,complaint_management.group_complaint_manager")
        self.start_tour(
            "/odoo/action-complaint_management.complaint_sla_report_action", "complaint_sla_analysis_tour",
            login=user.login)

    def test_dashboard(self):
        user = new_test_user(
            self.env, login="cm_tour_dashboard", name="Dina Dashboard",
            groups="base.group_user,complaint_management.group_complaint_manager")
        self.start_tour(
            "/odoo/action-complaint_management.complaint_dashboard_action", "complaint_dashboard_tour",
            login=user.login)
