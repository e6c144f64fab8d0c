import re
from collections import defaultdict
from datetime import timedelta

from markupsafe import escape

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import SQL, html2plaintext

from odoo.addons.web_date_solar_hijri.tools import reader_date, reader_datetime

from ..tools.company_access import check_company_allowed
from ..tools.cron_batches import claim, isolate_failures, wake
from ..tools.single_line import single_line
from ..tools.text_language import written_language

CHANNELS = [
    ("web", "Web Form"),
    ("portal", "Portal"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("in_person", "In Person"),
    ("chat", "Chat"),
    ("social", "Social Media"),
    ("letter", "Letter"),
]
SEVERITIES = [("low", "Low"), ("normal", "Normal"), ("high", "High"), ("critical", "Critical")]
PRIORITIES = [("0", "Normal"), ("1", "Important"), ("2", "Very Important"), ("3", "Urgent")]
EXPECTATIONS = [
    ("refund", "Refund"),
    ("replacement", "Replacement"),
    ("repair", "Repair"),
    ("compensation", "Compensation"),
    ("apology", "Apology"),
    ("explanation", "Explanation"),
    ("other", "Other"),
]
ROOT_CAUSES = [
    ("product", "Product defect"),
    ("service", "Service failure"),
    ("delivery", "Delivery or logistics"),
    ("billing", "Billing or pricing"),
    ("communication", "Communication"),
    ("staff", "Staff behaviour"),
    ("policy", "Policy or process"),
    ("customer", "Customer error"),
    ("other", "Other"),
]
# what was done: what a customer may expect, or the complaint was not upheld
RESOLUTIONS = [
    *(expectation for expectation in EXPECTATIONS if expectation[0] != "other"),
    ("rejected", "Complaint not upheld"),
    ("other", "Other"),
]
CONTACT_CHANNELS = [("email", "Email"), ("phone", "Phone call"), ("sms", "SMS")]
# texts that reach email headers (names, subject, addresses) or one-line lists
SINGLE_LINE_FIELDS = ("subject", "partner_name", "partner_email", "partner_phone", "partner_mobile", "order_reference")
# what a customer may type into a phone number, Persian and Arabic-Indic digits included
PHONE_PATTERN = re.compile(r"\+?[0-9 ()./-]{6,24}")
LOCAL_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
# fields customers may not read (the portal pages show what they need, read with sudo)
STAFF = "complaint_management.group_complaint_user"
# what Odoo's chatter may ask of a thread that only staff may see
STAFF_THREAD_DATA = ("activities", "followers", "scheduledMessages", "suggestedRecipients")
REPEAT_WINDOW_PARAM = "complaint_management.repeat_window_days"
DEFAULT_REPEAT_WINDOW_DAYS = 90


def text_direction(env, lang_code):
    """Writing direction ('ltr' or 'rtl') of language `lang_code` (else the user's), for email bodies."""
    lang = env["res.lang"]._lang_get(lang_code or env.lang or "en_US")
    return lang.direction or "ltr"


class ComplaintComplaint(models.Model):
    _name = "complaint.complaint"
    _description = "Customer Complaint"
    _inherit = ["portal.mixin", "mail.thread.cc", "mail.activity.mixin", "mail.tracking.duration.mixin"]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "subject", "partner_name", "partner_email"]
    _check_company_auto = True
    _mail_post_access = "read"
    _primary_email = "partner_email"
    _track_duration_field = "stage_id"

    def _default_stage_id(self):
        team_id = self.env.context.get("default_team_id")
        return self.env["complaint.stage"].search(
            ["|", ("team_ids", "=", False), ("team_ids", "=", team_id)] if team_id else [], limit=1
        )

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    # identity and content
    name = fields.Char(
        string="Tracking Code",
        required=True,
        readonly=True,
        copy=False,
        index="trigram",
        default=lambda self: self.env._("New"),
    )
    subject = fields.Char(required=True, tracking=True, index="trigram")
    description = fields.Html(sanitize=True)
    active = fields.Boolean(default=True)
    color = fields.Integer(string="Color Index")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")

    # the customer's page shows our automated emails to them too (acknowledgement, status, ...)
    website_message_ids = fields.One2many(
        domain=lambda self: [
            ("model", "=", self._name),
            ("message_type", "in", ("comment", "email", "email_outgoing", "auto_comment")),
        ]
    )

    # customer
    partner_id = fields.Many2one("res.partner", string="Customer", tracking=True, index=True, check_company=True)
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id", store=True, precompute=True)
    partner_name = fields.Char(
        string="Contact Name", compute="_compute_partner_contact", store=True, readonly=False, precompute=True
    )
    partner_email = fields.Char(
        string="Email", compute="_compute_partner_contact", store=True, readonly=False, precompute=True
    )
    partner_phone = fields.Char(
        string="Phone", compute="_compute_partner_contact", store=True, readonly=False, precompute=True
    )
    partner_mobile = fields.Char(
        string="Mobile",
        compute="_compute_partner_contact",
        store=True,
        readonly=False,
        precompute=True,
        help="Status updates go to this number by SMS when the team sends SMS.",
    )
    contact_channel = fields.Selection(
        CONTACT_CHANNELS, string="Preferred Contact", default="email", help="How the customer prefers to be contacted."
    )

    # classification
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    category_id = fields.Many2one("complaint.category", tracking=True, index=True)
    tag_ids = fields.Many2many("complaint.tag", string="Tags", groups=STAFF)
    severity = fields.Selection(SEVERITIES, required=True, default="normal", tracking=True, groups=STAFF)
    priority = fields.Selection(PRIORITIES, default="0", index=True, groups=STAFF)
    product_id = fields.Many2one("product.product", check_company=True)
    expectation = fields.Selection(EXPECTATIONS, string="Customer Expectation")
    expectation_note = fields.Text(string="Expectation Details")
    order_reference = fields.Char(help="The order reference the customer gave, as typed.")

    # handling
    team_id = fields.Many2one(
        "complaint.team",
        tracking=True,
        index=True,
        check_company=True,
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        groups=STAFF,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        groups=STAFF,
    )
    stage_id = fields.Many2one(
        "complaint.stage",
        tracking=True,
        index=True,
        copy=False,
        ondelete="restrict",
        default=lambda self: self._default_stage_id(),
        group_expand="_read_group_stage_ids",
        domain="['|', ('team_ids', '=', False), ('team_ids', '=', team_id)]",
    )
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True, index=True, precompute=True)
    kanban_state = fields.Selection(
        [("normal", "In Progress"), ("done", "Ready"), ("blocked", "Blocked")],
        default="normal",
        required=True,
        copy=False,
        tracking=True,
        groups=STAFF,
    )

    # dates
    date_occurred = fields.Datetime(string="Occurred On", help="When the problem happened, as the customer says.")
    date_received = fields.Datetime(
        string="Received On", required=True, index=True, copy=False, default=fields.Datetime.now
    )
    date_acknowledged = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    date_first_response = fields.Datetime(string="First Response On", readonly=True, copy=False)
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False, index=True)
    date_last_stage_update = fields.Datetime(
        string="Last Stage Update", readonly=True, copy=False, default=fields.Datetime.now
    )
    email_verified = fields.Boolean(
        default=True,
        copy=False,
        tracking=True,
        groups=STAFF,
        help="Off for a complaint filed by someone not logged in, until the link we emailed to its "
        "address is opened: until then nobody has shown that the email is theirs, and the complaint "
        "stays with a contact of its own, out of any customer's account.",
    )
    access_link_pending = fields.Boolean(
        copy=False,
        index=True,
        export_string_translation=False,
        help="Someone asked on the tracking page for the link to this complaint: it is emailed to "
        "the address on file by the next run of the acknowledgement action.",
    )
    acknowledgement_pending = fields.Boolean(
        default=True,
        copy=False,
        index=True,
        export_string_translation=False,
        help="The acknowledgement email is queued and not sent yet.",
    )

    # outcome
    root_cause_category = fields.Selection(ROOT_CAUSES, string="Root Cause", tracking=True, groups=STAFF)
    root_cause = fields.Text(string="Root Cause Analysis", groups=STAFF)
    resolution_type = fields.Selection(RESOLUTIONS, tracking=True)
    resolution = fields.Html(string="Resolution Details", sanitize=True)
    compensation_amount = fields.Monetary(currency_field="currency_id", tracking=True, groups=STAFF)

    # reopening and feedback
    reopen_count = fields.Integer(
        string="Reopened",
        readonly=True,
        copy=False,
        help="How many times the complaint went back to an open stage after being resolved or closed.",
    )
    date_reopened = fields.Datetime(string="Last Reopened On", readonly=True, copy=False)
    staff_reply_count = fields.Integer(
        string="Staff Replies",
        readonly=True,
        copy=False,
        groups=STAFF,
        help="Replies staff sent to the customer (internal notes not counted).",
    )
    feedback_ids = fields.One2many("complaint.feedback", "complaint_id", groups=STAFF)
    feedback_rating = fields.Integer(
        string="Customer Rating",
        compute="_compute_feedback_rating",
        store=True,
        groups=STAFF,
        help="The outcome rating (1 to 5) of the customer's latest feedback.",
    )

    # customer history
    is_repeat = fields.Boolean(
        string="Repeat Complaint",
        compute="_compute_is_repeat",
        store=True,
        readonly=True,
        groups=STAFF,
        help="The same customer complained about the same category or product within the repeat window "
        "before: the problem came back. Their other complaints are under Earlier Complaints.",
    )
    previous_complaint_ids = fields.Many2many(
        "complaint.complaint", compute="_compute_previous_complaint_ids", string="Earlier Complaints", groups=STAFF
    )
    previous_complaint_count = fields.Integer(compute="_compute_previous_complaint_ids", groups=STAFF)
    problem_id = fields.Many2one(
        "complaint.problem",
        string="Same Problem",
        tracking=True,
        index="btree_not_null",
        check_company=True,
        groups=STAFF,
        help="The problem this complaint shares with others (a faulty batch, a late shipment): its customers "
        "can be sent one update or the fix at once.",
    )

    _sql_constraints = [
        ("name_company_uniq", "unique (name, company_id)", "The tracking code must be unique per company."),
        (
            "compensation_amount_positive",
            "CHECK (compensation_amount >= 0)",
            "The compensation amount cannot be negative.",
        ),
    ]

    def init(self):
        # the kanban and list views read open complaints of a stage in this order
        tools.create_index(
            self.env.cr,
            "complaint_complaint_stage_order_index",
            self._table,
            ["stage_id", "priority DESC", "date_received DESC", "id DESC"],
        )
        # the kanban counts active complaints per stage and kanban state (columns, progress bars)
        # from this index alone
        tools.create_index(
            self.env.cr,
            "complaint_complaint_kanban_count_index",
            self._table,
            ["company_id", "stage_id", "kanban_state", "is_closed"],
            where="active",
        )
        # repeat detection and customer history look up a customer's complaints by date
        tools.create_index(
            self.env.cr,
            "complaint_complaint_customer_date_index",
            self._table,
            ["commercial_partner_id", "date_received"],
        )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for complaint in self:
            if complaint.subject and complaint.name:
                complaint.display_name = f"{complaint.name} - {complaint.subject}"
            else:
                complaint.display_name = complaint.subject or complaint.name

    @api.depends("partner_id")
    def _compute_partner_contact(self):
        """The customer's contact details; without a customer, what was typed stays (a stored
        field left unassigned keeps its value)."""
        for complaint in self.filtered("partner_id"):
            partner = complaint.partner_id
            complaint.partner_name = partner.name
            complaint.partner_email = partner.email
            complaint.partner_phone = partner.phone or partner.mobile
            complaint.partner_mobile = partner.mobile

    def _compute_access_url(self):
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"

    @api.depends("feedback_ids.state", "feedback_ids.rating")
    def _compute_feedback_rating(self):
        for complaint in self:
            answered = complaint.feedback_ids.filtered(lambda f: f.state == "done").sorted("date", reverse=True)
            complaint.feedback_rating = answered[:1].rating

    @api.depends("category_id", "company_id", "product_id", "channel", "partner_id")
    def _compute_team_id(self):
        """The team of the first routing rule that matches, else the team handling the category,
        else the one it has, else the company's first team: every complaint has a team."""
        routed = self.env["complaint.routing.rule"]._team_for(self)
        Team = self.env["complaint.team"]
        team_by_category = Team._for_categories(self.category_id, self.company_id)
        for complaint in self:
            team = routed.get(complaint) or team_by_category.get((complaint.category_id, complaint.company_id))
            complaint.team_id = team or complaint.team_id
        unteamed = self.filtered(lambda c: not c.team_id)
        first_team = Team._first_of(unteamed.company_id) if unteamed else {}
        for complaint in unteamed:
            complaint.team_id = first_team.get(complaint.company_id)

    @api.depends("team_id")
    def _compute_user_id(self):
        to_assign = defaultdict(lambda: self.browse())
        for complaint in self:
            team = complaint.team_id
            if complaint.user_id and (not team or complaint.user_id in team.member_ids | team.leader_id):
                continue
            complaint.user_id = False
            if team:
                to_assign[team] |= complaint
        for team, complaints in to_assign.items():
            # a form being filled in only peeks at the round robin: create() and write() move it
            for complaint, user in zip(complaints, team._next_assignees(len(complaints)), strict=False):
                complaint.user_id = user

    @api.depends("commercial_partner_id", "company_id", "date_received", "category_id", "product_id")
    def _compute_is_repeat(self):
        """One query for the whole batch: does an earlier complaint of the same customer on the
        same category or product fall within the repeat window before this one?"""
        stored = self.filtered(lambda c: c.id and c.commercial_partner_id and c.date_received)
        for complaint in self - stored:
            complaint.is_repeat = False
        if not stored:
            return
        self.flush_model(
            ["commercial_partner_id", "company_id", "date_received", "active", "category_id", "product_id"]
        )
        self.env.cr.execute(
            SQL(
                """
            SELECT DISTINCT c.id
              FROM complaint_complaint c
              JOIN complaint_complaint o
                ON o.commercial_partner_id = c.commercial_partner_id
               AND o.company_id = c.company_id
               AND o.active
               AND o.date_received >= c.date_received - %(window)s
               AND (o.date_received, o.id) < (c.date_received, c.id)
               AND (o.category_id = c.category_id OR o.product_id = c.product_id)
             WHERE c.id IN %(ids)s
        """,
                ids=tuple(stored.ids),
                window=self._repeat_window(),
            )
        )
        repeats = {row[0] for row in self.env.cr.fetchall()}
        for complaint in stored:
            complaint.is_repeat = complaint.id in repeats

    @api.depends("commercial_partner_id", "date_received")
    def _compute_previous_complaint_ids(self):
        customers = self.commercial_partner_id
        history = (
            self.search_fetch(
                [("commercial_partner_id", "in", customers.ids)],
                ["commercial_partner_id", "date_received"],
                order="date_received desc, id desc",
            )
            if customers
            else self.browse()
        )
        by_customer = defaultdict(lambda: self.browse())
        for other in history:
            by_customer[other.commercial_partner_id] |= other
        for complaint in self:
            earlier = by_customer[complaint.commercial_partner_id].filtered(
                lambda other, c=complaint: other != c._origin
                and (not c.date_received or other.date_received <= c.date_received)
            )
            complaint.previous_complaint_ids = earlier
            complaint.previous_complaint_count = len(earlier)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        team_id = self.env.context.get("default_team_id")
        search_domain = [("id", "in", stages.ids)]
        if team_id:
            search_domain = ["|", ("team_ids", "=", False), ("team_ids", "=", team_id)] + ["|"] + search_domain
        else:
            search_domain = ["|", ("team_ids", "=", False)] + search_domain
        return stages.search(search_domain, order=stages._order)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("partner_email")
    def _check_partner_email(self):
        for complaint in self:
            if complaint.partner_email and not tools.email_normalize(complaint.partner_email, strict=False):
                raise ValidationError(
                    self.env._("“%(email)s” is not a valid email address.", email=complaint.partner_email)
                )

    @api.constrains("date_occurred", "date_received")
    def _check_date_occurred(self):
        for complaint in self:
            if complaint.date_occurred and complaint.date_occurred > complaint.date_received:
                raise ValidationError(
                    self.env._("A complaint cannot be about something that happened after it was received.")
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model
    def _single_line_values(self, vals, company=None):
        """`vals` with the one-line texts that reach email headers and lists (names, subject,
        addresses) made single lines, whoever typed them: form, chat, email or staff; phone numbers
        in Latin digits, and the mobile, which SMS go to, in international form when it is valid in
        `company`'s country (gateways want +98...; a number typed as ۰۹۱۲ would not be sent)."""
        vals = dict(
            vals, **{name: single_line(vals[name]) for name in SINGLE_LINE_FIELDS if isinstance(vals.get(name), str)}
        )
        for name in ("partner_phone", "partner_mobile"):
            if vals.get(name) and isinstance(vals[name], str):
                vals[name] = vals[name].translate(LOCAL_DIGITS)
        if vals.get("partner_mobile") and isinstance(vals["partner_mobile"], str):
            company = company or self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            vals["partner_mobile"] = (
                self._phone_format(number=vals["partner_mobile"], country=company.country_id) or vals["partner_mobile"]
            )
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        default_name = self.env._("New")
        vals_list = [self._single_line_values(vals) for vals in vals_list]
        for vals in vals_list:
            self._check_problem_allowed(vals)
            if vals.get("name", default_name) == default_name:
                company = vals.get("company_id") or self.env.context.get("default_company_id") or self.env.company.id
                vals["name"] = sequence.with_company(company).next_by_code("complaint.complaint") or default_name
        # the creator is subscribed with the customer and the assignee, in one insert; no "created"
        # note is logged: the record holds who received it and when, and the chatter opens with the
        # acknowledgement sent to the customer
        subscribe_creator = not self.env.context.get("mail_create_nosubscribe") and self.env.user.active
        complaints = super(
            ComplaintComplaint, self.with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
        ).create(vals_list)
        complaints = complaints.with_env(self.env)
        now = fields.Datetime.now()
        for stage, stage_complaints in complaints.grouped("stage_id").items():
            if stage.is_resolved or stage.is_waiting:
                stage_complaints._schedule_followups(stage, now)
            if stage.is_resolved or stage.is_closed:
                stage_complaints._stamp_stage_dates(stage, now)
            if stage.mail_template_id or stage.sms_template_id:
                stage_complaints._send_stage_messages(stage)
        complaints._subscribe_followers(self.env.user.partner_id if subscribe_creator else self.env["res.partner"])
        for team, team_complaints in complaints.filtered("user_id").grouped("team_id").items():
            if team:
                team._record_last_assignee(team_complaints[-1].user_id)
        # sudo: SLA statuses are kept by the system; complaint users only read them
        self.env["complaint.sla.status"].sudo()._sync(complaints.filtered("team_id").sudo())
        if complaints.filtered("acknowledgement_pending"):
            self._trigger_acknowledgements()
        return complaints

    def write(self, vals):
        check_company_allowed(self.env, vals)
        self._check_problem_allowed(vals)
        vals = self._single_line_values(vals, company=self[:1].company_id)
        if vals.get("partner_id"):
            self.message_subscribe(partner_ids=[vals["partner_id"]])
        if "stage_id" not in vals:
            result = super().write(vals)
        else:
            stage = self.env["complaint.stage"].browse(vals["stage_id"])
            now = fields.Datetime.now()
            moving = self.filtered(lambda c: c.stage_id != stage)
            vals.setdefault("date_last_stage_update", now)
            vals.setdefault("kanban_state", "normal")
            result = super().write(vals)
            moving._schedule_followups(stage, now)
            moving._stamp_stage_dates(stage, now)
            moving._send_stage_messages(stage)
        if vals.get("team_id") and self[-1:].user_id:
            # the team's next turns went to these complaints (computed, or shown in a form and sent)
            self[-1].team_id._record_last_assignee(self[-1].user_id)
        self._sla_follow(vals)
        return result

    def _send_stage_messages(self, stage):
        """The email and text message of `stage` to the customers of these complaints that just
        entered it, rendered for all of them at once (not when its tracking is off)."""
        if (
            stage.mail_template_id
            and not self.env.context.get("tracking_disable")
            and not self.env.context.get("mail_notrack")
        ):
            self._send_mail_template(stage.mail_template_id)
        self._send_sms_template(stage.sms_template_id)

    def _stamp_stage_dates(self, stage, now):
        """Set the acknowledgement, first response, resolution and closing dates of complaints
        that just entered `stage`; clear the latter two on complaints that were reopened, and count
        the reopening."""
        self.filtered(lambda c: not c.date_acknowledged).date_acknowledged = now
        self.filtered(lambda c: not c.date_first_response).date_first_response = now
        if not stage.is_resolved and not stage.is_closed:
            for complaint in self.filtered(lambda c: c.date_resolved or c.date_closed):
                complaint.write({"reopen_count": complaint.reopen_count + 1, "date_reopened": now})
        if stage.is_resolved:
            self.filtered(lambda c: not c.date_resolved).date_resolved = now
        elif not stage.is_closed:
            self.filtered("date_resolved").date_resolved = False
        if stage.is_closed:
            self.filtered(lambda c: not c.date_closed).date_closed = now
        else:
            self.filtered("date_closed").date_closed = False

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_reply(self):
        """Reply to the customer from a canned response suggested for the complaint's category."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reply to the Customer"),
            "res_model": "complaint.complaint.reply",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def _send_reply(self, body):
        """``body`` to the customer, as a public reply in the complaint's chatter (their email,
        their portal, their chat)."""
        self.ensure_one()
        return self.message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_comment", partner_ids=self.partner_id.ids
        )

    def _check_problem_allowed(self, vals):
        """A complaint joins only a problem the user may read (Odoo checks a many2one's company,
        not the user's access to the record it names)."""
        if vals.get("problem_id") and not self.env.su:
            self.env["complaint.problem"].browse(vals["problem_id"]).check_access("read")

    def _join_problem(self, others):
        """These complaints and ``others`` have the same problem: the first one's problem that
        is set (these complaints' before the others'), else a new one named after the first
        complaint's subject."""
        complaints = self | others
        problem = complaints.problem_id[:1] or self.env["complaint.problem"].create(
            {"name": complaints[0].subject or complaints[0].name, "company_id": complaints[0].company_id.id}
        )
        complaints.filtered(lambda complaint: complaint.problem_id != problem).problem_id = problem
        return problem

    def action_view_previous_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("complaint_management.complaint_complaint_action")
        action["domain"] = [("id", "in", self.previous_complaint_ids.ids)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------
    # MAIL
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A complaint from an email to a team's alias: its sender is the customer (the contact
        with that address, else a new one), its subject and body the complaint's; the gateway keeps
        the attachments on the first message, and the acknowledgement gives the tracking code."""
        partner = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not partner and msg_dict.get("email_from"):
            # the sender's name is decoded from the header: it may hold line breaks
            email_from = single_line(msg_dict["email_from"])
            # a new contact speaks the language the email is written in, when its script tells it
            text = f"{msg_dict.get('subject') or ''} {html2plaintext(msg_dict.get('body') or '')}"
            lang = written_language(self.env, text)
            finder = self.with_context(default_lang=lang) if lang else self
            partner = finder._mail_find_partner_from_emails([email_from], force_create=True)[0]
            msg_dict["author_id"] = partner.id
        subject = (msg_dict.get("subject") or "").strip()
        values = {
            "name": self.env._("New"),  # the tracking code, not the subject, is the record's name
            "subject": subject[:200] or self.env._("(no subject)"),
            "description": msg_dict.get("body"),
            "channel": "email",
            "partner_id": partner.id,
            **(custom_values or {}),
        }
        return super().message_new(msg_dict, custom_values=values)

    def _message_track(self, fields_iter, initial_values_dict):
        """Odoo posts the tracking of each complaint on its own (its reply-to, its parent message,
        its followers: seven queries a complaint); a change of many complaints at once, a stage in a
        list, posts theirs for the batch. Complaints with a follower of the change's subtype get
        Odoo's post, which notifies them."""
        posts = []
        tracking = super(ComplaintComplaint, self.with_context(complaint_tracking_posts=posts))._message_track(
            fields_iter, initial_values_dict
        )
        self._post_tracking(posts)
        return tracking

    def message_post(self, **kwargs):
        posts = self.env.context.get("complaint_tracking_posts")
        if posts is not None and kwargs.get("tracking_value_ids"):
            posts.append((self, kwargs))  # posted with the batch's others by _post_tracking
            return self.env["mail.message"]
        return super().message_post(**kwargs)

    def _post_tracking(self, posts):
        """Post the tracking messages `posts` (complaint, message_post's arguments) at once."""
        if not posts:
            return
        complaints = self.browse([complaint.id for complaint, __ in posts]).with_context(complaint_tracking_posts=None)
        followed = {
            res_id
            for (res_id,) in self.env["mail.followers"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", complaints.ids),
                    ("subtype_ids", "in", list({kwargs["subtype_id"] for __, kwargs in posts})),
                ],
                ["res_id"],
            )
        }
        values, changes = [], []
        for complaint, kwargs in posts:
            if complaint.id in followed:
                complaint.with_env(complaints.env).message_post(**kwargs)
                continue
            author_id, email_from = complaint._message_compute_author(kwargs.get("author_id"), None)
            values.append(
                {
                    "author_id": author_id,
                    "email_from": email_from,
                    "model": self._name,
                    "res_id": complaint.id,
                    "record_name": complaint.display_name,
                    "body": escape(kwargs.get("body") or ""),  # as message_post: text escaped, Markup kept
                    "message_type": "notification",
                    "subtype_id": kwargs["subtype_id"],
                    "email_add_signature": False,
                }
            )
            changes.append(kwargs["tracking_value_ids"])
        reply_to = complaints._notify_get_reply_to()
        for message_values in values:
            message_values["reply_to"] = reply_to.get(message_values["res_id"]) or message_values["email_from"]
        # sudo: the log of what changed, as message_post creates it; the changed values of all of
        # them in one create (given as commands of each message, they take an insert a message)
        messages = self.env["mail.message"].sudo().create(values)
        self.env["mail.tracking.value"].sudo().create(
            [
                {**command[2], "mail_message_id": message.id}
                for message, commands in zip(messages, changes, strict=True)
                for command in commands
            ]
        )

    def _thread_to_store(self, store, /, *, fields=None, request_list=None):
        """What Odoo's chatter loads of a complaint. A customer reaches it with the complaint's
        access token, as superuser: they get no activities, no followers (staff among them), no
        scheduled messages nor suggested recipients, and the files of the messages they read."""
        if request_list and not self.env.user.has_group(STAFF):
            request_list = [item for item in request_list if item not in STAFF_THREAD_DATA]
        return super()._thread_to_store(store, fields=fields, request_list=request_list)

    def _get_mail_thread_data_attachments(self):
        attachments = super()._get_mail_thread_data_attachments()
        if self.env.user.has_group(STAFF):
            return attachments
        public = self.message_ids.filtered(lambda m: not m.is_internal and not m.subtype_id.internal)
        return attachments & public.attachment_ids

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "stage_id" in init_values:  # by its id: env.ref would query it for each complaint
            return self.env["mail.message.subtype"].browse(
                self.env["ir.model.data"]._xmlid_to_res_id("complaint_management.mt_complaint_stage")
            )
        return super()._track_subtype(init_values)

    def _phone_get_number_fields(self):
        return ["partner_mobile"]

    def _message_post_after_hook(self, message, msg_vals):
        replier = self._public_reply_author(message)
        if replier == "staff":
            # a response to the customer, the first one the first response; those before the
            # resolution count for first-contact resolution
            complaint = self.sudo()  # sudo: followers may post on read access
            if not complaint.date_resolved:
                complaint.staff_reply_count += 1
            if not complaint.date_first_response:
                complaint.date_first_response = fields.Datetime.now()
        if replier:
            self._followup_after_reply(replier == "staff")
        return super()._message_post_after_hook(message, msg_vals)

    def _public_reply_author(self, message):
        """'staff' or 'customer' when `message` is a public reply (in the chatter or by email),
        by whom; None for notes and notifications."""
        if message.message_type not in ("comment", "email") or message.subtype_id != self.env.ref("mail.mt_comment"):
            return None
        return "staff" if message.author_id.user_ids.filtered(lambda user: not user.share) else "customer"

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _subscribe_followers(self, creator_partner):
        """Customers, assignees (and the creator) follow their complaints; one insert per distinct set."""
        by_partners = defaultdict(list)
        for complaint in self:
            partners = (complaint.partner_id | complaint.user_id.partner_id | creator_partner).ids
            if partners:
                by_partners[tuple(partners)].append(complaint.id)
        customers = self.partner_id.filtered("partner_share").ids
        for partner_ids, complaint_ids in by_partners.items():
            self.env["mail.followers"]._insert_followers(
                self._name,
                complaint_ids,
                list(partner_ids),
                check_existing=True,
                existing_policy="skip",
                customer_ids=[pid for pid in partner_ids if pid in customers],
            )

    def _send_sms_template(self, template):
        """Queue `template` as an SMS to the customers who gave a mobile number, on complaints
        whose team sends SMS."""
        if not template:
            return
        for complaint in self.filtered(lambda c: c.team_id.use_sms and c.partner_mobile):
            complaint._message_sms_with_template(template=template, put_in_queue=True)

    def _mail_text_direction(self):
        """Writing direction ('ltr' or 'rtl') of the customer's language, for email bodies."""
        self.ensure_one()
        return text_direction(self.env, self.partner_id.lang)

    def _has_decision_letter(self):
        """Whether the customer can get the decision letter: a decision was taken and the
        complaint is resolved or closed."""
        self.ensure_one()
        return bool(self.resolution_type) and bool(self.date_resolved or self.is_closed)

    def _get_report_base_filename(self):
        # the decision letter's file name, downloaded from the portal
        self.ensure_one()
        return self.env._("Decision %(code)s", code=self.name.replace("/", "-"))

    def _salutation(self):
        """ "Dear <customer>," in the language of the environment, the name where the language puts it."""
        self.ensure_one()
        name = self.partner_id.name or self.partner_name
        return self.env._("Dear %s,", name) if name else self.env._("Dear customer,")

    def _compensation_in_words(self):
        """The compensation amount in words, in the customer's language (Persian included)."""
        self.ensure_one()
        lang = self.partner_id.lang or self.env.lang
        return self.currency_id.with_context(lang=lang).amount_to_text(self.compensation_amount)

    def _customer_date(self, value, with_time=False):
        """`value` (a date, or a UTC datetime) as the customer reads dates, for what is sent to them:
        their time zone and language (in Persian, the Solar Hijri calendar)."""
        self.ensure_one()
        partner = self.partner_id
        # contacts filed from the public pages have no time zone: the company's, else the sender's
        tz = partner.tz or self.company_id.partner_id.tz or self.env.user.tz
        format_value = reader_datetime if with_time else reader_date
        return format_value(self.env, value, partner.lang or self.env.lang, tz)

    @api.model
    def _reader_date(self, value, with_time=False):
        """`value` (a date, or a UTC datetime) as the reader of a portal page reads dates: the page's
        language (in Persian, the Solar Hijri calendar) and the reader's time zone."""
        tz = self.env.context.get("tz") or self.env.user.tz
        if with_time:  # other languages: the language's own formats, as the portal's other dates
            return reader_datetime(self.env, value, self.env.lang, tz, dt_format=False)
        return reader_date(self.env, value, self.env.lang, tz)

    def _reachable(self):
        """The complaints with a customer to write to."""
        return self.filtered(lambda c: c.partner_id or c.partner_email)

    def _send_mail_template(self, template):
        """Email `template` to the customers of these complaints, each email a public message of its
        complaint's thread (the customer's page shows it; staff see its delivery in the chatter).
        Followers are not emailed. The batch is rendered at once and stored in a few queries
        (message_post would post, and notify, one record at a time); the emails wait in the
        outgoing queue, sent in batches by the mail queue cron."""
        # sudo: the composer lets template editors only run code; these are the addon's own
        # templates, for complaints the user may write to
        mails = self.env["mail.mail"].sudo()
        comment = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        for company, company_complaints in self.grouped("company_id").items():
            # one composer per language: a batch's composer translates the template only when its
            # copy of the body is the template's to the byte, which its style sanitizer breaks
            for lang, (__, res_ids) in template._classify_per_lang(company_complaints.ids).items():
                # in mass mailing mode the composer renders the layout for each customer as the
                # notification of a post would; its blacklist and duplicate checks, meant for
                # marketing, are not run: these emails answer the customer's own complaint
                composer = (
                    self.env["mail.compose.message"]
                    .sudo()
                    .with_company(company)
                    .with_context(
                        lang=lang or self.env.lang,
                        default_composition_mode="mass_mail",
                        default_model=self._name,
                        default_res_ids=res_ids,
                        default_template_id=template.id,
                    )
                    .create({"email_layout_xmlid": "complaint_management.mail_notification_complaint"})
                )
                shared = composer._prepare_mail_values_static()
                rendered = composer._prepare_mail_values_dynamic(res_ids)
                mails |= mails.create(
                    [
                        complaint._public_email_values(shared, rendered[complaint.id], comment)
                        for complaint in self.browse(res_ids)
                    ]
                )
        self.env["mail.notification"].sudo().create(
            [
                {
                    "author_id": mail.author_id.id,
                    "is_read": True,
                    "mail_mail_id": mail.id,
                    "mail_message_id": mail.mail_message_id.id,
                    "notification_status": "canceled" if mail.state == "cancel" else "ready",
                    "notification_type": "email",
                    "failure_type": mail.failure_type,
                    "res_partner_id": partner.id,
                }
                for mail in mails
                for partner in mail.recipient_ids
            ]
        )

    def _public_email_values(self, shared, values, comment):
        """The values of the email to this complaint's customer rendered by the composer (`shared`,
        then its own `values`) made a public message of its thread, of subtype `comment`; an email
        to no address is cancelled, not sent to fail."""
        recipients = self.env["res.partner"].browse([command[1] for command in values.get("recipient_ids", [])])
        return {
            **shared,
            **values,
            "message_type": "auto_comment",
            "subtype_id": comment,
            "record_name": self.display_name,
            "partner_ids": recipients.ids,
            "is_notification": True,
            **({} if recipients.filtered("email") else {"state": "cancel", "failure_type": "mail_email_missing"}),
        }

    @api.model
    def _repeat_window(self):
        # sudo: reading a configuration parameter
        days = self.env["ir.config_parameter"].sudo().get_param(REPEAT_WINDOW_PARAM, DEFAULT_REPEAT_WINDOW_DAYS)
        try:
            return timedelta(days=max(int(days), 0))
        except ValueError:
            return timedelta(days=DEFAULT_REPEAT_WINDOW_DAYS)

    @api.model
    def _cron_send_acknowledgements(self, batch_size=200):
        """Send the acknowledgement email of newly received complaints, in batches, and the links
        asked for on the tracking page."""
        asked = claim(self, [("access_link_pending", "=", True)], batch_size, "id", "partner_id")
        isolate_failures(
            asked,
            lambda complaints: complaints._send_access_link(),
            lambda env: env._("the email with the link to a complaint"),
            self._failure_reported_on,
        )
        domain = [("acknowledgement_pending", "=", True)]
        complaints = claim(self, domain, batch_size, "id", "partner_id")
        now = fields.Datetime.now()
        isolate_failures(
            complaints,
            lambda complaints: complaints._acknowledge(now),
            lambda env: env._("the acknowledgement"),
            self._failure_reported_on,
        )
        done = len(complaints)
        self.env["ir.cron"]._notify_progress(
            done=done, remaining=self.search_count(domain) if done == batch_size else 0
        )

    @api.model
    def _trigger_acknowledgements(self):
        """Have the acknowledgement action run as soon as this transaction commits (its interval is
        a safety net)."""
        wake(self.env, "ir_cron_complaint_acknowledge")

    def _send_access_link(self):
        self._send_mail_template(self.env.ref("complaint_management.mail_template_complaint_access_link"))
        self.access_link_pending = False

    def _acknowledge(self, now):
        """Email (and text) the customers that their complaints were received."""
        reachable = self._reachable()
        reachable._send_mail_template(self.env.ref("complaint_management.mail_template_complaint_acknowledgement"))
        reachable._send_sms_template(
            self.env.ref("complaint_management.sms_template_complaint_acknowledgement", raise_if_not_found=False)
        )
        reachable.filtered(lambda c: not c.date_acknowledged).date_acknowledged = now
        self.acknowledgement_pending = False

    @api.model
    def _failure_reported_on(self, complaint):
        """Where a scheduled action that failed on `complaint` says so, and to whom: the complaint,
        its team leader (else the administrator)."""
        return complaint, complaint.team_id.leader_id or self.env.ref("base.user_admin")
