from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import format_date

from ..tools.cron_batches import claim, isolate_failures, wake
from .complaint_complaint import STAFF


def _days_after(now, days):
    return now + timedelta(days=days) if days else False


class ComplaintComplaint(models.Model):
    """Follow-ups of complaints by the daily scheduled action: feedback requests after the
    resolution, reminders to customers who keep a complaint waiting, and automatic closing.

    Each follow-up gets its due date when the complaint enters the stage that calls for it, from
    the team's days at that moment, and loses it when done or no longer wanted; the scheduled
    action reads the earliest of them through one indexed column."""

    _inherit = "complaint.complaint"

    date_feedback_due = fields.Datetime(string="Feedback Request Due", readonly=True, copy=False, groups=STAFF)
    date_feedback_requested = fields.Datetime(string="Feedback Requested On", readonly=True, copy=False, groups=STAFF)
    date_reminder_due = fields.Datetime(string="Customer Reminder Due", readonly=True, copy=False, groups=STAFF)
    date_customer_reminded = fields.Datetime(string="Customer Reminded On", readonly=True, copy=False, groups=STAFF)
    date_rewarded = fields.Datetime(
        string="Gesture Given On",
        readonly=True,
        copy=False,
        groups=STAFF,
        help="When the customer got the team's service-recovery gesture.",
    )
    date_close_due = fields.Datetime(
        string="Automatic Closing Due",
        readonly=True,
        copy=False,
        groups=STAFF,
        help="When the complaint is closed if it still waits on the customer, or is still resolved "
        "and not reopened.",
    )
    date_followup = fields.Datetime(
        string="Next Follow-up", compute="_compute_date_followup", store=True, index=True, groups=STAFF
    )

    @api.depends("date_feedback_due", "date_reminder_due", "date_close_due")
    def _compute_date_followup(self):
        for complaint in self:
            dates = [
                date
                for date in (complaint.date_feedback_due, complaint.date_reminder_due, complaint.date_close_due)
                if date
            ]
            complaint.date_followup = min(dates, default=False)

    # ------------------------------------------------------------
    # SCHEDULING
    # ------------------------------------------------------------

    def _schedule_followups(self, stage, now):
        """Plan the follow-ups of complaints entering `stage`, by their team's days. Called before
        the stage's dates are stamped: a complaint without a resolution date is newly resolved."""
        for team, complaints in self.grouped("team_id").items():
            if stage.is_resolved:
                newly_resolved = complaints.filtered(lambda c: not c.date_resolved)
                newly_resolved._give_reward("resolution")
                newly_resolved.date_feedback_due = _days_after(now, team.feedback_days)
                complaints.write({"date_reminder_due": False, "date_close_due": _days_after(now, team.auto_close_days)})
            elif stage.is_closed:
                # the feedback request still goes out
                complaints.write({"date_reminder_due": False, "date_close_due": False})
            else:
                # open again, or waiting on the customer: the resolution is undone, so is its feedback
                complaints._cancel_feedback_requests()
                complaints.write({"date_feedback_due": False, "date_reminder_due": False, "date_close_due": False})
                if stage.is_waiting:
                    complaints._wait_on_customer(team, now)
        self._arm_followups()

    def _cancel_feedback_requests(self):
        # sudo: requests are the system's; staff only read them
        self.env["complaint.feedback"].sudo().search(
            [("complaint_id", "in", self.ids), ("state", "=", "requested")]
        ).state = "cancelled"

    def _wait_on_customer(self, team, now):
        """Start (or restart) the customer's days to answer."""
        self.write(
            {
                "date_reminder_due": _days_after(now, team.reminder_days),
                "date_close_due": _days_after(now, team.waiting_close_days),
            }
        )

    def _followup_after_reply(self, from_staff):
        """A public reply from staff restarts the customer's days to answer on a complaint waiting
        on the customer, and the closing days on a resolved one; a customer's reply stops the
        reminder and the automatic closing, so that staff read it first."""
        # sudo: the follow-up dates are the system's bookkeeping; customers may post on read access
        complaint = self.sudo()
        stage, team = complaint.stage_id, complaint.team_id
        if from_staff and stage.is_waiting:
            complaint._wait_on_customer(team, fields.Datetime.now())
            complaint._arm_followups()
        elif from_staff and stage.is_resolved and not complaint.date_close_due and team.auto_close_days:
            # staff answered what the customer wrote after the resolution: the closing days start again
            complaint.date_close_due = _days_after(fields.Datetime.now(), team.auto_close_days)
            complaint._arm_followups()
        elif not from_staff and (complaint.date_reminder_due or complaint.date_close_due):
            complaint.write({"date_reminder_due": False, "date_close_due": False})

    def _arm_followups(self):
        """Have the follow-up action run when the first of these complaints' follow-ups is due."""
        dates = [date for date in self.mapped("date_followup") if date]
        if dates:
            wake(self.env, "ir_cron_complaint_followup", min(dates))

    # ------------------------------------------------------------
    # SCHEDULED ACTION
    # ------------------------------------------------------------

    @api.model
    def _cron_follow_up(self, batch_size=100):
        """Do the follow-ups that are due, a batch at a time: each one clears its due date, so a
        later run finds nothing left to do, and a run at the same time skips them (claim)."""
        now = fields.Datetime.now()
        domain = [("date_followup", "<=", now)]
        complaints = claim(self, domain, batch_size, "date_followup, id", "partner_id")
        due = defaultdict(lambda: self.browse())
        for complaint in complaints:
            stage = complaint.stage_id
            closing = complaint.date_close_due and complaint.date_close_due <= now
            if complaint.date_feedback_due and complaint.date_feedback_due <= now:
                due["feedback"] |= complaint
            if complaint.date_reminder_due and complaint.date_reminder_due <= now and not closing:
                due["reminder" if stage.is_waiting else "stale"] |= complaint
            if closing and stage.is_waiting:
                due["close_waiting"] |= complaint
            elif closing and stage.is_resolved and complaint.date_resolved:
                due["close_resolved"] |= complaint
            elif closing:
                due["stale"] |= complaint
        # the stage no longer calls for it (its settings changed since)
        due["stale"].write({"date_reminder_due": False, "date_close_due": False})
        for key, work, action in (
            (
                "feedback",
                lambda complaints: complaints._request_feedback(now),
                lambda env: env._("the feedback request"),
            ),
            (
                "reminder",
                lambda complaints: complaints._remind_customer(now),
                lambda env: env._("the reminder to the customer"),
            ),
            (
                "close_waiting",
                lambda complaints: complaints._close_unanswered(),
                lambda env: env._("closing a complaint the customer did not answer"),
            ),
            (
                "close_resolved",
                lambda complaints: complaints._close_resolved(),
                lambda env: env._("closing a resolved complaint"),
            ),
        ):
            isolate_failures(due[key], work, action, self._failure_reported_on)
        done = len(complaints)
        self.env["ir.cron"]._notify_progress(
            done=done, remaining=self.search_count(domain) if done == batch_size else 0
        )
        self.search([("date_followup", ">", now)], order="date_followup", limit=1)._arm_followups()

    def _request_feedback(self, now):
        """Open a feedback request for each complaint and send its link by email (and SMS when
        the team sends SMS)."""
        reachable = self._reachable()
        self.env["complaint.feedback"]._request_for(reachable)
        reachable._send_mail_template(self.env.ref("complaint_management.mail_template_complaint_feedback_request"))
        reachable._send_sms_template(
            self.env.ref("complaint_management.sms_template_complaint_feedback", raise_if_not_found=False)
        )
        self.write({"date_feedback_due": False, "date_feedback_requested": now})

    def _feedback_url(self, rating=None, channel="email"):
        """The link of the complaint's open feedback request (for the request's email and SMS)."""
        self.ensure_one()
        request = self.feedback_ids.filtered(lambda f: f.state == "requested")[:1]
        return request._url(rating=rating, channel=channel) if request else ""

    def _remind_customer(self, now):
        self._reachable()._send_mail_template(
            self.env.ref("complaint_management.mail_template_complaint_waiting_reminder")
        )
        self.write({"date_reminder_due": False, "date_customer_reminded": now})

    def _close_unanswered(self):
        """Close complaints still waiting on the customer, and tell them so."""
        closing = self._move_to_closing_stage()
        closing._reachable()._send_mail_template(
            self.env.ref("complaint_management.mail_template_complaint_closed_unanswered")
        )

    def _close_resolved(self):
        for complaint in self._move_to_closing_stage():
            complaint.message_post(
                body=self.env._(
                    "Closed automatically: resolved on %(date)s and not reopened since.",
                    date=format_date(self.env, complaint.date_resolved),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _move_to_closing_stage(self):
        """Move the complaints to their team's closing stage; return those moved (a team without
        a closing stage keeps its complaints, and nothing more is due)."""
        self.write({"date_reminder_due": False, "date_close_due": False})
        closed = self.browse()
        for team, complaints in self.grouped("team_id").items():
            stage = team._closing_stage()
            if stage:
                complaints.stage_id = stage
                closed |= complaints
        return closed

    # ------------------------------------------------------------
    # REOPENING AND SERVICE RECOVERY
    # ------------------------------------------------------------

    def _reopen_after_feedback(self, customer):
        """The customer says the problem is not solved and asks to reopen: back to the team's
        first open stage, the assignee and the team leader told. Return whether it was reopened."""
        self.ensure_one()
        stage = self.team_id._reopen_stage()
        if not (self.stage_id.is_resolved or self.stage_id.is_closed) or not stage:
            return False
        self.stage_id = stage
        notified = (self.user_id | self.team_id.leader_id).partner_id
        # written for staff: in the language of the assignee or the leader, not the customer's
        staff_lang = self.user_id.lang or self.team_id.leader_id.lang or self.company_id.partner_id.lang
        complaint = self.with_context(lang=staff_lang)
        complaint.message_post(
            body=complaint.env._("The customer says the problem is not solved and asked to reopen the complaint."),
            author_id=customer.id,
            subtype_xmlid="mail.mt_note",
            partner_ids=notified.ids,
        )
        return True

    def _give_reward(self, moment):
        """Give the team's service-recovery gesture, once per complaint, when its team gives it
        at this `moment` ('resolution' or 'feedback')."""
        due = self.filtered(lambda c: not c.date_rewarded and c.team_id.reward_on == moment)
        rewarded = self.browse()
        for reward_type, complaints in due.grouped(lambda c: c.team_id.reward_type).items():
            rewarded |= complaints._give_reward_of_type(reward_type)
        rewarded.date_rewarded = fields.Datetime.now()

    def _give_reward_of_type(self, reward_type):
        """Give a gesture of this type; return the complaints whose customer got it. Bridge addons
        add types; the thank-you email is the base one."""
        rewarded = self.browse()
        if reward_type == "email":
            for template, complaints in self._reachable().grouped(lambda c: c.team_id.reward_template_id).items():
                if template:
                    complaints._send_mail_template(template)
                    rewarded |= complaints
        return rewarded
