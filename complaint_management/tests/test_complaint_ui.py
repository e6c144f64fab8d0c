from datetime import date, datetime

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintUi(HttpCase):
    def test_kanban_create_open_and_move(self):
        user = new_test_user(
            self.env,
            login="cm_tour",
            name="Tina Tour",
            groups="base.group_user,complaint_management.group_complaint_user",
        )
        self.start_tour(
            "/odoo/action-complaint_management.complaint_complaint_action", "complaint_kanban_tour", login=user.login
        )
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Tour: coffee machine leaks")])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.stage_id, self.env.ref("complaint_management.complaint_stage_in_progress"))
        self.assertEqual(complaint.create_uid, user)
        self.assertTrue(complaint.date_acknowledged)

    def test_sla_analysis_and_team_followups(self):
        user = new_test_user(
            self.env,
            login="cm_tour_manager",
            name="Mina Manager",
            groups="base.group_user,complaint_management.group_complaint_manager",
        )
        self.start_tour(
            "/odoo/action-complaint_management.complaint_sla_report_action",
            "complaint_sla_analysis_tour",
            login=user.login,
        )

    def test_dashboard(self):
        user = new_test_user(
            self.env,
            login="cm_tour_dashboard",
            name="Dina Dashboard",
            groups="base.group_user,complaint_management.group_complaint_manager",
        )
        self.start_tour(
            "/odoo/action-complaint_management.complaint_dashboard_action", "complaint_dashboard_tour", login=user.login
        )

    def test_staff_solar_hijri_dates(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        user = new_test_user(
            self.env,
            login="cm_tour_fa",
            name="Farid Persian",
            lang="fa_IR",
            tz="Asia/Tehran",
            groups="base.group_user,complaint_management.group_complaint_user",
        )
        complaint = self.env["complaint.complaint"].create(
            {"subject": "Solar Hijri tour", "user_id": user.id, "date_received": "2026-03-21 06:30:00"}
        )
        self.authenticate("cm_tour_fa", "cm_tour_fa")
        self.assertIn('"solar_hijri_dates": false', self.url_open("/odoo").text, "off by default")
        self.env["ir.config_parameter"].set_param("web_date_solar_hijri.back_office", True)
        self.assertIn('"solar_hijri_dates": true', self.url_open("/odoo").text)
        self.start_tour(
            "/odoo/action-complaint_management.complaint_complaint_action?view_type=list",
            "complaint_solar_hijri_tour",
            login="cm_tour_fa",
        )
        # 20 Esfand 1404 at 10:30 in the browser's time zone, picked in the Solar Hijri picker
        self.assertEqual(complaint.date_occurred.date(), date(2026, 3, 11))
        self.assertEqual(complaint.date_received, datetime(2026, 3, 21, 6, 30), "read, not rewritten")
