from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintRepeat(ComplaintCommon):
    def setUp(self):
        super().setUp()
        self.day = datetime(2026, 6, 1, 10, 0)

    def _create_complaint(self, **values):
        """A complaint on late deliveries: a repeat is the same customer on the same topic."""
        return super()._create_complaint(**dict({"category_id": self.category_late.id}, **values))

    def test_another_topic_is_no_repeat_but_history(self):
        self._create_complaint(date_received=self.day - timedelta(days=3))
        other = self._create_complaint(date_received=self.day, category_id=self.category_billing.id)
        self.assertFalse(other.is_repeat, "another topic: not the problem coming back")
        self.assertEqual(other.previous_complaint_count, 1, "but in the customer's history")
        kettle = self.env["product.product"].create({"name": "Kettle"})
        same_product = self._create_complaint(
            date_received=self.day + timedelta(hours=1), category_id=False, product_id=kettle.id
        )
        self._create_complaint(
            date_received=self.day + timedelta(hours=2), category_id=self.category_billing.id, product_id=kettle.id
        )
        self.assertFalse(same_product.is_repeat)
        self.assertTrue(
            self._create_complaint(
                date_received=self.day + timedelta(hours=3), category_id=False, product_id=kettle.id
            ).is_repeat,
            "same product",
        )

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
        first, second = self.env["complaint.complaint"].create(
            [
                {
                    "subject": "One",
                    "partner_id": self.customer.id,
                    "date_received": self.day - timedelta(days=1),
                    "category_id": self.category_late.id,
                },
                {
                    "subject": "Two",
                    "partner_id": self.customer.id,
                    "date_received": self.day,
                    "category_id": self.category_late.id,
                },
            ]
        )
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
