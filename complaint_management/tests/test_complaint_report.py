from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintReport(ComplaintCommon):
    """Four complaints of team A in March 2026, read on 1 April, under a round-the-clock SLA
    (acknowledge within 3 hours):

    - A (customer, delivery): acknowledged after 2 h, one staff reply, resolved after 24 h, 5 stars;
    - B (customer, delivery, a repeat on the same topic): acknowledged after 4 h (SLA failed), two
      staff replies, resolved after 48 h, compensation 30, 2 stars;
    - C (customer, billing: a repeat, but on another topic): acknowledged after 1 h, no reply,
      resolved after 24 h, reopened, resolved again 48 h after receipt;
    - D (other customer): open, never acknowledged (SLA failed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["complaint.sla.policy"].create({
            "name": "Three hours", "team_id": cls.team_a.id, "working_hours": False, "acknowledge_hours": 3})
        cls.team_b.category_ids = False  # billing complaints stay with team A here

        def reply(complaint, times):
            for _i in range(times):
                complaint.with_user(cls.user_a1).message_post(
                    body="Our answer", message_type="comment", subtype_xmlid="mail.mt_comment")

        def received(day, **values):
            with freeze_time(f"2026-03-{day:02d} 10:00:00"):
                return cls._create_complaint(team_id=cls.team_a.id, **values)

        def move(complaint, when, stage):
            with freeze_time(when):
                complaint.stage_id = stage

        cls.a = received(2, category_id=cls.category_delivery.id)
        cls.a.date_acknowledged = datetime(2026, 3, 2, 12, 0)
        reply(cls.a, 1)
        cls.a.message_post(body="Internal", subtype_xmlid="mail.mt_note")  # notes do not count
        move(cls.a, "2026-03-03 10:00:00", cls.stage_resolved)

        cls.b = received(3, category_id=cls.category_delivery.id, compensation_amount=30.0)
        cls.b.date_acknowledged = datetime(2026, 3, 3, 14, 0)
        reply(cls.b, 2)
        move(cls.b, "2026-03-05 10:00:00", cls.stage_resolved)

        cls.c = received(6, category_id=cls.category_billing.id)
        cls.c.date_acknowledged = datetime(2026, 3, 6, 11, 0)
        move(cls.c, "2026-03-07 10:00:00", cls.stage_resolved)
        move(cls.c, "2026-03-07 12:00:00", cls.stage_progress)
        move(cls.c, "2026-03-08 10:00:00", cls.stage_resolved)

        cls.d = received(9, category_id=cls.category_delivery.id, partner_id=cls.other_customer.id)

        for complaint, rating in ((cls.a, 5), (cls.b, 2)):
            cls.env["complaint.feedback"]._request_for(complaint)._answer(
                {"rating": rating, "solved": "yes", "handling_rating": rating, "recommend": "8"})
        cls.Report = cls.env["complaint.report"]

    def test_stored_inputs(self):
        self.assertEqual((self.a.staff_reply_count, self.b.staff_reply_count, self.c.staff_reply_count), (1, 2, 0))
        self.assertEqual((self.a.is_repeat, self.b.is_repeat, self.c.is_repeat), (False, True, True))
        self.assertEqual((self.b.is_repeat_topic, self.c.is_repeat_topic), (True, False))
        self.assertEqual(self.c.reopen_count, 1)

    @freeze_time("2026-04-01 00:00:00")
    def test_measures(self):
        [row] = self.Report._read_group(
            [("team_id", "=", self.team_a.id)], [],
            ["__count", "hours_to_acknowledge:avg", "hours_to_resolve:avg", "fcr:avg", "repeat:avg",
             "sla_met:avg", "reopened:avg", "compensation_amount:sum", "csat:avg"])
        count, acknowledge, resolve, fcr, repeat, sla_met, reopened, compensation, csat = row
        self.assertEqual(count, 4)
        self.assertAlmostEqual(acknowledge, 7 / 3, msg="2, 4 and 1 hours; D not acknowledged")
        self.assertAlmostEqual(resolve, 40.0, msg="24, 48 and 48 hours (C's last resolution); D open")
        self.assertAlmostEqual(fcr, 100 / 3, msg="A only: B had two replies, C was reopened")
        self.assertEqual(repeat, 25.0, "B only: C repeats on another topic")
        self.assertEqual(sla_met, 50.0, "A and C in time, B late, D overdue")
        self.assertEqual(reopened, 25.0)
        self.assertEqual(compensation, 30.0)
        self.assertEqual(csat, 50.0, "A rated 5, B rated 2, C and D no feedback")

    def test_month_by_category(self):
        cells = {(category, month): count for category, month, count in self.Report._read_group(
            [("team_id", "=", self.team_a.id)], ["category_id", "date_received:month"], ["__count"])}
        self.assertEqual(cells, {
            (self.category_delivery, datetime(2026, 3, 1)): 3,
            (self.category_billing, datetime(2026, 3, 1)): 1,
        })

    def test_dimensions(self):
        row = self.Report.browse(self.b.id)
        self.assertEqual((row.partner_id, row.team_id, row.category_id, row.stage_id),
                         (self.customer, self.team_a, self.category_delivery, self.stage_resolved))
        self.assertEqual(self.Report.browse(self.d.id).partner_id, self.other_customer)

    def test_users_see_the_complaints_they_work(self):
        self.assertEqual(self.Report.with_user(self.user_a2).search_count([("team_id", "=", self.team_a.id)]), 4)
        self.assertFalse(self.Report.with_user(self.user_b1).search([("team_id", "=", self.team_a.id)]))
