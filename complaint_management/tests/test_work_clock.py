from datetime import datetime, timedelta

from odoo.tests import TransactionCase, tagged

from ..tools.work_clock import WorkClock


@tagged("complaint_management", "post_install", "-at_install")
class TestWorkClock(TransactionCase):
    """The SLA's clock answers as Odoo's calendar does, from one computation of its intervals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Saturday to Wednesday 8-12 and 13-16:30 in Tehran, Thursday mornings; a public holiday
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Tehran shop",
                "tz": "Asia/Tehran",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        },
                    )
                    for day in (5, 6, 0, 1, 2)
                    for period, start, end in (("morning", 8, 12), ("afternoon", 13, 16.5))
                ]
                + [
                    (
                        0,
                        0,
                        {"name": "Thursday", "dayofweek": "3", "hour_from": 8, "hour_to": 12, "day_period": "morning"},
                    )
                ],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Nowruz",
                "calendar_id": cls.calendar.id,
                "date_from": datetime(2026, 3, 20, 20, 30),
                "date_to": datetime(2026, 3, 24, 20, 29, 59),
            }
        )

    def test_as_the_calendar_plans_and_counts(self):
        clock = WorkClock(self.calendar)
        clock.cover(datetime(2026, 3, 10), datetime(2026, 3, 12))
        starts = [datetime(2026, 3, 10, 3, 0) + timedelta(hours=7 * i + i % 3 * 0.25) for i in range(40)]
        for start in starts:
            for hours in (0.5, 4, 7.5, 16, 40):
                self.assertEqual(
                    clock.add_hours(start, hours),
                    self.calendar.plan_hours(hours, start, compute_leaves=True),
                    f"{hours} h from {start}",
                )
                # a share of the time: when `hours` were used is when the rest is left
                deadline = clock.add_hours(start, hours + 3.5)
                self.assertEqual(
                    clock.moment_left(deadline, 3.5),
                    self.calendar.plan_hours(hours, start, compute_leaves=True),
                    f"3.5 h before {deadline}",
                )
            end = start + timedelta(days=3, hours=5)
            self.assertAlmostEqual(
                clock.hours_between(start, end),
                self.calendar.get_work_duration_data(start, end, compute_leaves=True)["hours"],
                places=6,
            )
        self.assertEqual(clock.hours_between(starts[3], starts[2]), 0)

    def test_round_the_clock(self):
        clock = WorkClock(self.env["resource.calendar"])
        start = datetime(2026, 3, 20, 10, 0)
        self.assertEqual(clock.add_hours(start, 30), datetime(2026, 3, 21, 16, 0))
        self.assertEqual(clock.hours_between(start, datetime(2026, 3, 21, 16, 0)), 30)
