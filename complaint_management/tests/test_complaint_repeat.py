from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintRepeat(ComplaintCommon):

    def setUp(self):
        super().setUp()
        self.day = datetime(2026, 6, 1, 10, 0)

    def test_first_complaint_is_no_repeat(self):
        self.assertFalse(self._create_complaint(date_received=self.day).is_repeat)

    def test_repeat_within_default_window(self):
        self._create_complaint(date_received=self.day - timedelta(days=89))
        self.assertTrue(self._create_complaint(date_received=self.day).is_repeat)

    def test_not_repeat_outside_window(self):
        self._create_complaint(date_received=self.day - timedelta(days=91))
        self.assertFalse(self._create_complaint(date_received=self.day).is_repeat)

    def test_repeat_across_contacts_of_one_company(self):
        self._create_complaint(date_received=self.day - timedelta(days=3))
        self.assertTrue(self._create_complaint(partner_id=self.customer_contact.id, date_received=self.day).is_repeat)
        self.assertFalse(self._create_complaint(partner_id=self.other_customer.id, date_received=self.day).is_repeat)

    def test_window_is_configurable(self):
        settings = self.env["res.config.settings"].create({"complaint_repeat_window_days": 10})
        settings.execute()
        self._create_complaint(date_received=self.day - timedelta(days=20))
        self.assertFalse(self._create_complaint(date_received=self.day).is_repeat)
        self._create_complaint(date_received=self.day - timedelta(days=5))
        self.assertTrue(self._create_complaint(date_received=self.day + timedelta(hours=1)).is_repeat)

    def test_repeat_flag_in_one_batch(self):
        first, second = self.env["complaint.complaint"].create([
            {"subject": "One", "partner_id": self.customer.id, "date_received": self.day - timedelta(days=1)},
            {"subject": "Two", "partner_id": self.customer.id, "date_received": self.day},
        ])
        self.assertFalse(first.is_repeat)
        self.assertTrue(second.is_repeat)

    def test_earlier_complaints_listed(self):
        old = self._create_complaint(date_received=self.day - timedelta(days=400))
        recent = self._create_complaint(partner_id=self.customer_contact.id, date_received=self.day - timedelta(days=2))
        current = self._create_complaint(date_received=self.day)
        self._create_complaint(partner_id=self.other_customer.id, date_received=self.day - timedelta(days=1))
        self.assertEqual(current.previous_complaint_ids, recent | old)
        self.assertEqual(current.previous_complaint_count, 2)
        action = current.action_view_previous_complaints()
        self.assertEqual(self.env["complaint.complaint"].search(action["domain"]), recent | old)
