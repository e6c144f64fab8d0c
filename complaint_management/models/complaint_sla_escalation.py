from markupsafe import Markup

from odoo import api, fields, models

from .complaint_complaint import PRIORITIES
from .complaint_sla_policy import SLA_TARGETS

PRIORITY_STEPS = [key for key, _label in PRIORITIES]


class ComplaintSlaEscalation(models.Model):
    """What happens when a complaint has used a share of an SLA target's time: each level fires
    at most once per complaint and target."""

    _name = "complaint.sla.escalation"
    _description = "Complaint SLA Escalation Level"
    _order = "policy_id, target, percent, id"

    policy_id = fields.Many2one("complaint.sla.policy", required=True, index=True, ondelete="cascade")
    target = fields.Selection(SLA_TARGETS, required=True, default="resolve")
    percent = fields.Integer(
        string="At % of the Time",
        required=True,
        default=100,
        help="75: when three quarters of the target's time are used; 100: at the deadline (breach).",
    )
    notify_assignee = fields.Boolean(default=True)
    notify_leader = fields.Boolean(string="Notify Team Leader")
    raise_priority = fields.Boolean(help="One step up, up to Urgent.")
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Schedule Activity",
        domain="['|', ('res_model', '=', False), ('res_model', '=', 'complaint.complaint')]",
        help="For the team leader, or the assignee when the team has none.",
    )
    escalation_team_id = fields.Many2one(
        "complaint.team", string="Hand Over To", help="The complaint moves to this team."
    )

    _sql_constraints = [
        ("percent_positive", "CHECK (percent > 0)", "An escalation level fires after some of the time is used."),
    ]

    def _fire(self, slas, told):
        """Carry out this level on the complaints of `slas` (one status of each) at once: log it in
        each complaint's chatter, naming whom it is for, and add to `told` ({partner: [(complaint,
        note in their language)]}) what to tell them (see _notify_people). A hand-over to another
        team comes last."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        note = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        notes, activities = [], []
        for sla in slas:
            complaint = sla.complaint_id
            leader, assignee = complaint.team_id.leader_id, complaint.user_id
            # written for staff: in the language, time zone and calendar of whom it is for
            reader = (leader if self.notify_leader or not assignee else assignee) or self.env.user
            body = self._note(sla, reader)
            partners = (assignee.partner_id if self.notify_assignee else Partner) | (
                leader.partner_id if self.notify_leader else Partner
            )
            notes.append(
                {
                    "model": complaint._name,
                    "res_id": complaint.id,
                    "body": body,
                    "message_type": "notification",
                    "subtype_id": note,
                    "partner_ids": partners.ids,
                    "author_id": self.env.user.partner_id.id,
                    "record_company_id": complaint.company_id.id,
                }
            )
            for partner in partners:
                # written now: a hand-over drops the status
                told[partner].append((complaint, self._note(sla, partner.user_ids[:1] or self.env.user)))
            if self.activity_type_id and (leader or assignee):
                activities.append(
                    {
                        "activity_type_id": self.activity_type_id.id,
                        "user_id": (leader or assignee).id,
                        "summary": body,
                        "res_model_id": self.env["ir.model"]._get_id(complaint._name),
                        "res_id": complaint.id,
                    }
                )
        complaints = slas.complaint_id
        if self.raise_priority:
            for complaint in complaints.filtered(lambda c: c.priority != PRIORITY_STEPS[-1]):
                complaint.priority = PRIORITY_STEPS[PRIORITY_STEPS.index(complaint.priority or "0") + 1]
        # quick update: the activity's assignee is told by the escalation's own message
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(activities)
        # sudo: the log of what the system did, like message_post's
        self.env["mail.message"].sudo().create(notes)
        if self.escalation_team_id:
            complaints.filtered(lambda c: c.team_id != self.escalation_team_id).team_id = self.escalation_team_id

    def _note(self, sla, reader):
        """What this level did on the complaint of `sla`, written for staff user `reader`: in their
        language, time zone and calendar."""
        level = self.with_context(lang=reader.lang or self.env.lang)
        complaint = sla.complaint_id
        body = level.env._(
            "SLA “%(policy)s”: %(percent)s%% of the %(target)s time used (deadline %(deadline)s).",
            policy=sla.policy_id.with_context(lang=level.env.lang).name,
            percent=self.percent,
            target=sla.with_context(lang=level.env.lang)._description_target(),
            deadline=self.env["complaint.team"]._staff_datetime(reader, sla.deadline) if sla.deadline else "-",
        )
        if self.escalation_team_id and self.escalation_team_id != complaint.team_id:
            body += " " + level.env._("Handed over to %(team)s.", team=self.escalation_team_id.name)
        return body

    @api.model
    def _notify_people(self, told):
        """One message per person for the batch (in their inbox or by email, as they chose),
        listing the levels fired for them: {partner: [(complaint, note in their language)]}."""
        for partner, fired in told.items():
            reader = partner.user_ids[:1] or self.env.user
            lines = Markup().join(
                Markup('<li><a href="/odoo/%s/%s">%s</a>: %s</li>')
                % (complaint._name, complaint.id, complaint.name, note)
                for complaint, note in fired
            )
            level = self.with_context(lang=reader.lang or self.env.lang)
            self.env["mail.thread"].message_notify(
                partner_ids=partner.ids,
                subject=level.env._("SLA escalations: %(count)s", count=len(fired)),
                body=Markup("<ul>%s</ul>") % lines,
                email_layout_xmlid="mail.mail_notification_light",
            )
