from odoo import fields, models

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
        string="At % of the Time", required=True, default=100,
        help="75: when three quarters of the target's time are used; 100: at the deadline (breach).")
    notify_assignee = fields.Boolean(default=True)
    notify_leader = fields.Boolean(string="Notify Team Leader")
    raise_priority = fields.Boolean(help="One step up, up to Urgent.")
    activity_type_id = fields.Many2one(
        "mail.activity.type", string="Schedule Activity",
        domain="['|', ('res_model', '=', False), ('res_model', '=', 'complaint.complaint')]",
        help="For the team leader, or the assignee when the team has none.")
    escalation_team_id = fields.Many2one(
        "complaint.team", string="Hand Over To", help="The complaint moves to this team.")

    _sql_constraints = [
        ("percent_positive", "CHECK (percent > 0)", "An escalation level fires after some of the time is used."),
    ]

    def _fire(self, complaint, sla):
        """Carry out this level on `complaint` and log it in its chatter."""
        self.ensure_one()
        leader, assignee = complaint.team_id.leader_id, complaint.user_id
        # written for staff: in the language, time zone and calendar of whom it is for
        reader = (leader if self.notify_leader or not assignee else assignee) or self.env.user
        level = self.with_context(lang=reader.lang or self.env.lang)
        body = level.env._(
            "SLA “%(policy)s”: %(percent)s%% of the %(target)s time used (deadline %(deadline)s).",
            policy=sla.policy_id.with_context(lang=level.env.lang).name, percent=self.percent,
            target=sla.with_context(lang=level.env.lang)._description_target(),
            deadline=self.env["complaint.team"]._staff_datetime(reader, sla.deadline) if sla.deadline else "-")
        partners = (assignee.partner_id if self.notify_assignee else self.env["res.partner"]) | (
            leader.partner_id if self.notify_leader else self.env["res.partner"])
        if self.raise_priority and complaint.priority != PRIORITY_STEPS[-1]:
            complaint.priority = PRIORITY_STEPS[PRIORITY_STEPS.index(complaint.priority or "0") + 1]
        if self.activity_type_id and (leader or assignee):
            complaint.activity_schedule(
                activity_type_id=self.activity_type_id.id, user_id=(leader or assignee).id, summary=body)
        if self.escalation_team_id and self.escalation_team_id != complaint.team_id:
            body += " " + level.env._("Handed over to %(team)s.", team=self.escalation_team_id.name)
        complaint.message_post(
            body=body, partner_ids=partners.ids, message_type="notification", subtype_xmlid="mail.mt_note")
        if self.escalation_team_id and self.escalation_team_id != complaint.team_id:
            complaint.team_id = self.escalation_team_id
