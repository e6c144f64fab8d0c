import ast
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime

from odoo.addons.web_date_solar_hijri.tools import reader_datetime

from ..tools.company_access import check_company_allowed
from ..tools.cron_batches import claim, isolate_failures
from .complaint_complaint import text_direction
from .complaint_complaint_sla import SLA_AT_RISK_HOURS
from .complaint_portal_params import REPORT_PERIOD_MONTHS, get_int_param

SLA_DIGEST_MAX_LINES = 200


class ComplaintTeam(models.Model):
    _name = "complaint.team"
    _description = "Complaint Team"
    _inherit = ["mail.thread", "mail.alias.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    leader_id = fields.Many2one(
        "res.users", string="Team Leader", tracking=True, check_company=True, domain="[('share', '=', False)]"
    )
    member_ids = fields.Many2many(
        "res.users",
        "complaint_team_member_rel",
        "team_id",
        "user_id",
        string="Members",
        check_company=True,
        domain="[('share', '=', False)]",
    )
    assignment_method = fields.Selection(
        [("manual", "Manual"), ("round_robin", "Round robin"), ("balanced", "Fewest open complaints")],
        required=True,
        default="manual",
        tracking=True,
        help="How new complaints of this team get an assignee:\n"
        "- Manual: nobody is assigned automatically.\n"
        "- Round robin: members take turns.\n"
        "- Fewest open complaints: the member with the fewest open complaints.",
    )
    category_ids = fields.Many2many(
        "complaint.category", "complaint_category_team_rel", "team_id", "category_id", string="Categories Handled"
    )
    # the team's standard promise, kept as its standard SLA policy: one source for every promise
    response_hours = fields.Float(
        string="Acknowledge Within (hours)",
        default=8.0,
        compute="_compute_standard_promise",
        inverse="_inverse_standard_promise",
        help="The team's standard promise: customers are acknowledged within this many working hours of the "
        "team's calendar, the clock paused while waiting for them (0: no promise). SLA policies of the "
        "team replace it for the complaints they cover.",
    )
    resolution_hours = fields.Float(
        string="Resolve Within (hours)",
        default=40.0,
        compute="_compute_standard_promise",
        inverse="_inverse_standard_promise",
        help="The team's standard promise: complaints are resolved within this many working hours of the "
        "team's calendar, the clock paused while waiting for the customer (0: no promise). SLA policies "
        "of the team replace it for the complaints they cover.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        check_company=True,
        compute="_compute_resource_calendar_id",
        store=True,
        readonly=False,
        precompute=True,
        help="SLA clocks counting working hours use this calendar; its global time off are public holidays.",
    )
    sla_policy_ids = fields.One2many("complaint.sla.policy", "team_id", string="SLA Policies")
    # follow-ups, in days (0: never)
    feedback_days = fields.Integer(
        string="Ask for Feedback After (days)",
        default=2,
        help="Days after the resolution when the customer is asked for feedback (0: never).",
    )
    reminder_days = fields.Integer(
        string="Remind Waiting Customers After (days)",
        default=3,
        help="Days a complaint waits on the customer before they are reminded (0: never).",
    )
    waiting_close_days = fields.Integer(
        string="Close Unanswered After (days)",
        default=14,
        help="Days a complaint waits on the customer before it is closed, with a message to them (0: never).",
    )
    auto_close_days = fields.Integer(
        string="Close Resolved After (days)",
        default=7,
        help="Days after the resolution when a complaint not reopened is closed (0: never).",
    )
    sla_digest = fields.Boolean(
        string="Daily SLA Digest",
        default=True,
        help="Each morning the team leader gets the team's open complaints that are overdue or at risk.",
    )
    sla_digest_date = fields.Date(string="Last SLA Digest", readonly=True, copy=False, export_string_translation=False)
    # service recovery
    reward_on = fields.Selection(
        [("resolution", "After the resolution"), ("feedback", "After the customer's feedback")],
        string="Service-Recovery Gesture",
        help="When the customer gets the team's gesture, once per complaint; empty: no gesture.",
    )
    reward_type = fields.Selection([("email", "Thank-you email")], string="Gesture", default="email", required=True)
    reward_template_id = fields.Many2one(
        "mail.template",
        string="Thank-You Email",
        domain="[('model', '=', 'complaint.complaint')]",
        default=lambda self: self.env.ref(
            "complaint_management.mail_template_complaint_thanks", raise_if_not_found=False
        ),
    )
    report_sent_date = fields.Date(
        string="Last Monthly Report", readonly=True, copy=False, export_string_translation=False
    )
    use_sms = fields.Boolean(
        string="Send SMS",
        help="Customers who give a mobile number also get the acknowledgement and status changes by SMS.",
    )
    last_assigned_user_id = fields.Many2one("res.users", readonly=True, copy=False, export_string_translation=False)
    open_complaint_count = fields.Integer(compute="_compute_open_complaint_count", string="Open Complaints")

    _sql_constraints = [
        (
            "followup_days_positive",
            "CHECK (feedback_days >= 0 AND reminder_days >= 0 AND waiting_close_days >= 0 AND auto_close_days >= 0)",
            "Follow-up days cannot be negative.",
        ),
    ]

    @api.constrains("company_id", "member_ids", "leader_id")
    def _check_people_of_the_company(self):
        # check_company on a many2many passes when one member works for the company
        for team in self:
            outsiders = (team.member_ids | team.leader_id).filtered(lambda u, t=team: t.company_id not in u.company_ids)
            if outsiders:
                raise ValidationError(
                    self.env._(
                        "%(people)s cannot work in team %(team)s: they do not work for %(company)s.",
                        people=", ".join(outsiders.mapped("name")),
                        team=team.name,
                        company=team.company_id.name,
                    )
                )

    def write(self, vals):
        check_company_allowed(self.env, vals)
        return super().write(vals)

    @api.depends("sla_policy_ids.is_team_standard", "sla_policy_ids.acknowledge_hours", "sla_policy_ids.resolve_hours")
    def _compute_standard_promise(self):
        for team in self:
            standard = team._standard_policy()
            team.response_hours = standard.active and standard.acknowledge_hours
            team.resolution_hours = standard.active and standard.resolve_hours

    def _inverse_standard_promise(self):
        for team in self:
            standard = team._standard_policy()
            values = {
                "acknowledge_hours": team.response_hours,
                "resolve_hours": team.resolution_hours,
                "active": bool(team.response_hours or team.resolution_hours),
            }
            if standard:
                standard.with_context(complaint_standard_policy=True).write(values)
            elif values["active"]:
                standard = (
                    self.env["complaint.sla.policy"]
                    .with_context(lang="en_US", complaint_standard_policy=True)
                    .create(
                        dict(
                            values,
                            team_id=team.id,
                            is_team_standard=True,
                            sequence=1000,
                            name="Standard promise",
                            pause_stage_ids=self.env["complaint.stage"].search([("is_waiting", "=", True)]).ids,
                        )
                    )
                )
                standard._name_standard_promise([code for code, __ in self.env["res.lang"].get_installed()])

    def _standard_policy(self):
        """The team's standard SLA policy (archived when the team promises nothing)."""
        self.ensure_one()
        return self.with_context(active_test=False).sla_policy_ids.filtered("is_team_standard")[:1]

    @api.depends("company_id")
    def _compute_resource_calendar_id(self):
        for team in self:
            calendar = team.resource_calendar_id
            if not calendar or calendar.company_id not in (team.company_id, self.env["res.company"]):
                team.resource_calendar_id = team.company_id.resource_calendar_id

    def _compute_open_complaint_count(self):
        counts = dict(
            self.env["complaint.complaint"]._read_group(
                [("team_id", "in", self.ids), ("is_closed", "=", False)], ["team_id"], ["__count"]
            )
        )
        for team in self:
            team.open_complaint_count = counts.get(team, 0)

    def _alias_get_creation_values(self):
        # emails to the team's alias become complaints of the team
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get("complaint.complaint").id
        if self.id:
            values["alias_defaults"] = defaults = ast.literal_eval(self.alias_defaults or "{}")
            defaults["team_id"] = self.id
        return values

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("complaint_management.complaint_complaint_action")
        action["domain"] = [("team_id", "=", self.id)]
        action["context"] = {"default_team_id": self.id, "search_default_open": 1}
        return action

    # ------------------------------------------------------------
    # STAGES
    # ------------------------------------------------------------

    def _closing_stage(self):
        """The first closing stage (not a resolution stage) shown to this team (any team's when empty)."""
        return self._first_stage([("is_closed", "=", True), ("is_resolved", "=", False)])

    def _reopen_stage(self):
        """The first open stage (neither resolved, closed nor waiting) shown to this team."""
        return self._first_stage([("is_closed", "=", False), ("is_resolved", "=", False), ("is_waiting", "=", False)])

    def _first_stage(self, domain):
        return self.env["complaint.stage"].search(
            [*domain, "|", ("team_ids", "=", False), ("team_ids", "in", self.ids)], limit=1
        )

    # ------------------------------------------------------------
    # SLA DIGEST
    # ------------------------------------------------------------

    @api.model
    def _cron_send_sla_digest(self, batch_size=50):
        """Email each team leader, once a day, the team's open complaints that are overdue or at risk."""
        today = fields.Date.today()
        domain = [
            ("sla_digest", "=", True),
            ("leader_id", "!=", False),
            "|",
            ("sla_digest_date", "=", False),
            ("sla_digest_date", "<", today),
        ]
        teams = claim(self, domain, batch_size, "id")
        isolate_failures(
            teams,
            lambda teams: teams._send_sla_digest(today),
            lambda env: env._("the daily SLA digest"),
            lambda team: (team, self.env.ref("base.user_admin")),
        )
        done = len(teams)
        self.env["ir.cron"]._notify_progress(
            done=done, remaining=self.search_count(domain) if done == batch_size else 0
        )

    def _send_sla_digest(self, today):
        template = self.env.ref("complaint_management.mail_template_complaint_sla_digest")
        for team in self:
            if team._sla_digest_lines():
                template.send_mail(team.id, email_layout_xmlid="mail.mail_notification_light")
        self.sla_digest_date = today

    def _leader_datetime(self, value):
        """UTC datetime `value` as the team leader reads dates in the back office."""
        self.ensure_one()
        return self._staff_datetime(self.leader_id, value)

    @api.model
    def _staff_datetime(self, user, value):
        """UTC datetime `value` as `user` reads dates in the back office: in their time zone and
        language, in Solar Hijri when they work in Persian and Settings > General Settings >
        Languages says so."""
        if user._reads_solar_hijri_dates():
            return reader_datetime(self.env, value, user.lang, user.tz)
        return format_datetime(
            self.env(context=dict(self.env.context, lang=user.lang)), value, tz=user.tz, dt_format="short"
        )

    def _sla_digest_lines(self):
        """The team's open complaints whose next SLA deadline has passed or comes within the
        at-risk window, earliest first: dicts with 'complaint' and 'overdue'."""
        self.ensure_one()
        now = fields.Datetime.now()
        complaints = self.env["complaint.complaint"].search(
            [
                ("team_id", "=", self.id),
                ("is_closed", "=", False),
                ("sla_deadline", "<=", now + timedelta(hours=SLA_AT_RISK_HOURS)),
            ],
            order="sla_deadline, id",
            limit=SLA_DIGEST_MAX_LINES,
        )
        return [{"complaint": complaint, "overdue": complaint.sla_deadline < now} for complaint in complaints]

    def _mail_text_direction(self):
        self.ensure_one()
        return text_direction(self.env, self.leader_id.lang)

    # ------------------------------------------------------------
    # MONTHLY REPORT
    # ------------------------------------------------------------

    @api.model
    def _cron_mail_monthly_reports(self, batch_size=10):
        """Mail each team leader, once a month, the workbook of their team over the last months
        (a setting), built with the leader's rights and language."""
        first_of_month = fields.Date.context_today(self).replace(day=1)
        months = get_int_param(self.env, REPORT_PERIOD_MONTHS) or 1
        domain = [
            ("leader_id", "!=", False),
            "|",
            ("report_sent_date", "=", False),
            ("report_sent_date", "<", first_of_month),
        ]
        teams = claim(self, domain, batch_size, "id")
        isolate_failures(
            teams,
            lambda teams: teams._mail_monthly_report(first_of_month, months),
            lambda env: env._("the monthly complaint report"),
            lambda team: (team, self.env.ref("base.user_admin")),
        )
        done = len(teams)
        self.env["ir.cron"]._notify_progress(
            done=done, remaining=self.search_count(domain) if done == batch_size else 0
        )

    def _mail_monthly_report(self, first_of_month, months):
        """Mail each team's leader the workbook of the team over the `months` before `first_of_month`."""
        for team in self.filtered(lambda t: t.leader_id.has_group("complaint_management.group_complaint_user")):
            leader = team.leader_id
            report = (
                self.env["complaint.report.export"]
                .with_user(leader)
                .with_context(lang=leader.lang, tz=leader.tz)
                .create(
                    {
                        "date_from": first_of_month - relativedelta(months=months),
                        "date_to": first_of_month - relativedelta(days=1),
                        "team_ids": [Command.set(team.ids)],
                        "company_ids": [Command.set(team.company_id.ids)],
                    }
                )
            )
            report._mail_to(leader.partner_id, team)
        self.report_sent_date = first_of_month

    # ------------------------------------------------------------
    # ASSIGNMENT
    # ------------------------------------------------------------

    def _next_assignees(self, count):
        """Return `count` users (a list, with repeats) to assign new complaints of this team to,
        by the team's assignment method; an empty list when nobody is to be assigned.
        Round robin only peeks at the next turns: saving the complaints moves the pointer."""
        self.ensure_one()
        members = self.member_ids.sorted("id")
        if self.assignment_method == "manual" or not members or count <= 0:
            return []
        if self.assignment_method == "round_robin":
            return self._next_round_robin(members, count)
        return self._next_balanced(members, count)

    def _next_round_robin(self, members, count):
        member_list = list(members)
        last = self.last_assigned_user_id
        start = member_list.index(last) + 1 if last in member_list else 0
        return [member_list[(start + i) % len(member_list)] for i in range(count)]

    def _record_last_assignee(self, user):
        """Round robin continues after `user` when it is a member."""
        self.ensure_one()
        if self.assignment_method == "round_robin" and user in self.member_ids:
            # sudo: the pointer is bookkeeping that every complaint user moves, not team configuration
            self.sudo().last_assigned_user_id = user

    def _next_balanced(self, members, count):
        # sudo: the balance counts every open complaint of the members, whoever may read them
        open_counts = dict(
            self.env["complaint.complaint"]
            .sudo()
            ._read_group([("user_id", "in", members.ids), ("is_closed", "=", False)], ["user_id"], ["__count"])
        )
        load = {member: open_counts.get(member, 0) for member in members}
        chosen = []
        for _i in range(count):
            member = min(members, key=lambda m: (load[m], m.id))
            load[member] += 1
            chosen.append(member)
        return chosen

    @api.model
    def _first_of(self, companies):
        """The first team (by sequence) of each company: it takes the complaints that neither a
        routing rule nor their category sends elsewhere, so that every complaint has a team."""
        first = {}
        for team in self.search([("company_id", "in", companies.ids)]):
            first.setdefault(team.company_id, team)
        return first

    @api.model
    def _for_categories(self, categories, companies):
        """Map each (category, company) pair to the first team of that company handling the category
        or, for a subcategory, its nearest ancestor."""
        if not categories:
            return {}
        teams = self.search([("category_ids", "!=", False), ("company_id", "in", companies.ids)])
        by_category = {}
        for team in teams:
            for category in team.category_ids:
                by_category.setdefault((category, team.company_id), team)
        result = {}
        for company in companies:
            for category in categories:
                node = category
                while node and (node, company) not in by_category:
                    node = node.parent_id
                result[category, company] = by_category.get((node, company), self.browse())
        return result
