from freezegun import freeze_time

from odoo.tests import tagged

from .common import ComplaintSlaCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestSlaQueryCounts(ComplaintSlaCommon):
    """What the SLA and the stage changes cost in queries, mail tracking included, so that it cannot
    creep back: a batch costs a bounded number of queries per complaint, the SLA's calendar work
    none (it is planned once per batch)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_a.leader_id = cls.user_a1
        cls.env["complaint.sla.escalation"].create(
            [
                {"policy_id": cls.policy.id, "target": "resolve", "percent": 75},
                {
                    "policy_id": cls.policy.id,
                    "target": "resolve",
                    "percent": 100,
                    "notify_leader": True,
                    "raise_priority": True,
                    "activity_type_id": cls.env.ref("mail.mail_activity_data_todo").id,
                },
            ]
        )

    def setUp(self):
        super().setUp()
        # as in use: changes tracked, emails queued
        self.env = self.env(context={"mail_notify_force_send": False})

    def _complaints(self, count):
        with freeze_time("2026-03-02 09:00:00"):  # a Monday
            return self.env["complaint.complaint"].create(
                [
                    {
                        "subject": f"Broken {i}",
                        "partner_id": self.customer.id,
                        "team_id": self.team_a.id,
                        "category_id": self.category_late.id,
                    }
                    for i in range(count)
                ]
            )

    def _queries(self, action):
        """Queries of `action` up to the commit (tracking and the emails it sends)."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        action()
        self.env.flush_all()
        self.env.cr.precommit.run()
        return self.cr.sql_log_count - before

    def _per_complaint(self, action):
        """Queries `action(complaints)` costs per complaint more, from a batch of 10 to one of 20
        (after a first batch has warmed the caches)."""
        counts = []
        for count in (5, 10, 20):
            complaints = self._complaints(count)
            counts.append(self._queries(lambda c=complaints: action(c)))
        return (counts[2] - counts[1]) / 10

    def _move(self, stage, when):
        def action(complaints):
            with freeze_time(when):
                complaints.with_user(self.user_a1).write({"stage_id": stage.id})

        return action

    def test_stage_write(self):
        # the tracking notes of the batch in one go, the date stamps; the SLA's clocks planned once
        # for the batch (Odoo's tracking still checks each complaint's subtype exists: one query)
        self.assertLessEqual(self._per_complaint(self._move(self.stage_closed, "2026-03-02 10:00:00")), 1)
        # and the status email, rendered and stored for the whole batch: entering in progress,
        # waiting (the clock stops, keeping the hours left)
        self.assertLessEqual(self._per_complaint(self._move(self.stage_progress, "2026-03-02 10:00:00")), 1)
        self.assertLessEqual(self._per_complaint(self._move(self.stage_waiting, "2026-03-02 10:00:00")), 1)

        def resume(complaints):
            self._move(self.stage_waiting, "2026-03-02 10:00:00")(complaints)
            self.env.flush_all()
            self.env.cr.precommit.run()
            before = self.cr.sql_log_count
            self._move(self.stage_progress, "2026-03-03 10:00:00")(complaints)
            self.env.flush_all()
            self.env.cr.precommit.run()
            resumed.append(self.cr.sql_log_count - before)

        # the clock restarts: only the hours left are planned, from now
        resumed = []
        self._per_complaint(resume)
        self.assertLessEqual((resumed[2] - resumed[1]) / 10, 1)

    def test_stage_write_notifies_followers_of_the_change(self):
        """A staff member following a complaint's stage changes is notified of them, as by Odoo's
        own tracking; the other complaints of the batch are logged without."""
        complaints = self._complaints(3)
        complaints[0].message_subscribe(
            partner_ids=self.user_a2.partner_id.ids,
            subtype_ids=self.env.ref("complaint_management.mt_complaint_stage").ids,
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # changes made where a complaint was created are not tracked
        complaints._track_set_log_message("Closed from <the list>")  # text, escaped as message_post does
        self._move(self.stage_closed, "2026-03-02 10:00:00")(complaints)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        for complaint in complaints:
            note = complaint.message_ids.filtered("tracking_value_ids")
            self.assertEqual(len(note), 1)
            self.assertEqual(note.subtype_id, self.env.ref("complaint_management.mt_complaint_stage"))
            self.assertEqual(note.author_id, self.user_a1.partner_id)
            self.assertEqual(note.tracking_value_ids.field_id.name, "stage_id")
            self.assertEqual(note.tracking_value_ids.new_value_char, self.stage_closed.name)
            self.assertIn("Closed from &lt;the list&gt;", note.body)
        self.assertEqual(
            complaints[0].message_ids.filtered("tracking_value_ids").notification_ids.res_partner_id,
            self.user_a2.partner_id,
        )
        self.assertFalse(complaints[1:].message_ids.filtered("tracking_value_ids").notification_ids)

    def test_escalation_cron(self):
        def escalate(complaints):
            with freeze_time("2026-03-06 10:00:00"):  # both levels due
                self.env["complaint.sla.status"]._cron_escalate()

        # a note per complaint and level, the priority, the activity: by batch
        self.assertLessEqual(self._per_complaint(escalate), 3)

    def test_acknowledgement_cron(self):
        def acknowledge(complaints):
            self.env["complaint.complaint"]._cron_send_acknowledgements()

        # the emails of the batch rendered and stored at once, each a message of its complaint
        self.assertLessEqual(self._per_complaint(acknowledge), 1)

    def test_status_read(self):
        def read(complaints):
            complaints.read(["sla_deadline", "sla_failed", "sla_at_risk"])
            complaints.sla_status_ids.read(["status", "exceeded_hours"])

        self.assertEqual(self._per_complaint(read), 0)

    def test_create(self):
        """One complaint as a web form sends it (the request's language in the context), its
        records read afresh: the SLA planned, up to the commit; the acknowledgement and escalation
        actions woken (their rows read at once: 3 of the queries)."""
        vals = {
            "subject": "Broken",
            "partner_id": self.customer.id,
            "team_id": self.team_a.id,
            "category_id": self.category_late.id,
        }
        Complaint = self.env["complaint.complaint"].with_user(self.user_a1).with_context(lang="en_US")
        for _warm_up in range(2):  # a worker that has served the form before (its caches filled)
            Complaint.create(vals)
            self.env.flush_all()
            self.env.cr.precommit.run()
            self.env.invalidate_all()
        with self.assertQueryCount(34):
            Complaint.create(vals)
            self.env.flush_all()
            self.env.cr.precommit.run()
