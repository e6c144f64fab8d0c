import re
from datetime import datetime, timedelta

from freezegun import freeze_time
from psycopg2.errors import CheckViolation, UniqueViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintFlow(ComplaintCommon):
    def test_tracking_code_from_sequence(self):
        complaint = self._create_complaint()
        self.assertRegex(complaint.name, r"^CMP/\d{4}/\d{5}$")
        self.assertEqual(complaint.display_name, f"{complaint.name} - The parcel arrived broken")

    def test_tracking_codes_unique_in_batch_and_one_by_one(self):
        batch = self.env["complaint.complaint"].create([{"subject": f"Batch {i}"} for i in range(25)])
        single = self.env["complaint.complaint"]
        for i in range(5):
            single |= self._create_complaint(subject=f"Single {i}")
        codes = (batch | single).mapped("name")
        self.assertEqual(len(set(codes)), 30)
        numbers = [int(re.search(r"(\d+)$", code).group(1)) for code in codes]
        self.assertEqual(numbers, sorted(numbers), "codes follow creation order")

    def test_tracking_code_not_copied_and_unique(self):
        complaint = self._create_complaint()
        copy = complaint.copy()
        self.assertNotEqual(copy.name, complaint.name)
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            copy.write({"name": complaint.name})
            copy.flush_recordset()

    def test_default_stage_is_first(self):
        self.assertEqual(self._create_complaint().stage_id, self.stage_new)

    def test_dates_set_on_stage_moves(self):
        with freeze_time("2026-03-01 09:00:00"):
            complaint = self._create_complaint()
        self.assertEqual(complaint.date_received, datetime(2026, 3, 1, 9, 0))
        self.assertFalse(complaint.date_acknowledged or complaint.date_resolved or complaint.date_closed)
        with freeze_time("2026-03-01 11:00:00"):
            complaint.stage_id = self.stage_progress
        self.assertEqual(complaint.date_acknowledged, datetime(2026, 3, 1, 11, 0))
        self.assertEqual(complaint.date_first_response, datetime(2026, 3, 1, 11, 0))
        self.assertEqual(complaint.date_last_stage_update, datetime(2026, 3, 1, 11, 0))
        with freeze_time("2026-03-03 10:00:00"):
            complaint.stage_id = self.stage_resolved
        self.assertEqual(complaint.date_resolved, datetime(2026, 3, 3, 10, 0))
        self.assertFalse(complaint.date_closed)
        self.assertFalse(complaint.is_closed)
        with freeze_time("2026-03-05 10:00:00"):
            complaint.stage_id = self.stage_closed
        self.assertEqual(complaint.date_resolved, datetime(2026, 3, 3, 10, 0), "resolution date is kept")
        self.assertEqual(complaint.date_closed, datetime(2026, 3, 5, 10, 0))
        self.assertTrue(complaint.is_closed)
        self.assertEqual(complaint.date_acknowledged, datetime(2026, 3, 1, 11, 0), "first dates are kept")

    def test_reopening_clears_resolution_and_closing(self):
        complaint = self._create_complaint()
        complaint.stage_id = self.stage_resolved
        complaint.stage_id = self.stage_closed
        complaint.stage_id = self.stage_progress
        self.assertFalse(complaint.date_resolved)
        self.assertFalse(complaint.date_closed)
        self.assertFalse(complaint.is_closed)
        self.assertTrue(complaint.date_acknowledged)

    def test_created_in_closing_stage_gets_dates(self):
        complaint = self._create_complaint(stage_id=self.stage_closed.id)
        self.assertTrue(complaint.date_closed)
        self.assertTrue(complaint.is_closed)

    def test_kanban_state_reset_on_stage_change(self):
        complaint = self._create_complaint(kanban_state="blocked")
        complaint.stage_id = self.stage_progress
        self.assertEqual(complaint.kanban_state, "normal")

    def test_contact_details_follow_customer(self):
        complaint = self._create_complaint(partner_id=self.customer_contact.id)
        self.assertEqual(complaint.partner_email, "sara@parsa.example.com")
        self.assertEqual(complaint.partner_name, "Sara Parsa")
        self.assertEqual(complaint.commercial_partner_id, self.customer)

    def test_contact_details_without_partner(self):
        complaint = self._create_complaint(
            partner_id=False,
            partner_name="Reza Guest",
            partner_email="reza@guest.example.com",
            partner_phone="+98 21 1234",
        )
        self.assertFalse(complaint.partner_id)
        self.assertEqual(complaint.partner_email, "reza@guest.example.com")
        self.assertEqual(complaint.partner_phone, "+98 21 1234")

    def test_malformed_email_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a valid email"):
            self._create_complaint(partner_id=False, partner_email="reza-at-guest")
        complaint = self._create_complaint(partner_id=False, partner_email="reza@guest.example.com")
        with self.assertRaisesRegex(ValidationError, "not a valid email"):
            complaint.partner_email = "reza@"

    def test_occurred_after_received_refused(self):
        now = datetime(2026, 5, 1, 12, 0)
        with self.assertRaises(ValidationError):
            self._create_complaint(date_received=now, date_occurred=now + timedelta(days=1))

    def test_negative_compensation_refused(self):
        with self.assertRaises(CheckViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._create_complaint(compensation_amount=-5).flush_recordset()

    def test_team_from_category_and_parent_category(self):
        self.assertEqual(self._create_complaint(category_id=self.category_delivery.id).team_id, self.team_a)
        self.assertEqual(self._create_complaint(category_id=self.category_late.id).team_id, self.team_a)
        self.assertEqual(self._create_complaint(category_id=self.category_billing.id).team_id, self.team_b)
        explicit = self._create_complaint(category_id=self.category_late.id, team_id=self.team_b.id)
        self.assertEqual(explicit.team_id, self.team_b, "an explicit team wins over the category's")

    def test_stage_in_use_cannot_be_deleted(self):
        self._create_complaint(stage_id=self.stage_waiting.id)
        with self.assertRaisesRegex(Exception, "still holds complaints"):
            self.stage_waiting.unlink()

    def test_category_recursion_refused(self):
        with self.assertRaises(UserError):
            self.category_delivery.parent_id = self.category_late

    def test_kanban_columns_include_empty_stages(self):
        groups = self.env["complaint.complaint"].read_group([], ["stage_id"], ["stage_id"])
        stages = {group["stage_id"][0] for group in groups}
        self.assertIn(self.stage_closed.id, stages)
        self.assertIn(self.stage_waiting.id, stages)
