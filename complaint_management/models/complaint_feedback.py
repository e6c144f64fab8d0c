import secrets
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError
from odoo.models import parse_read_group_spec
from odoo.tools import SQL

from .complaint_portal_params import FEEDBACK_VALID_DAYS, get_int_param

SOLVED = [("yes", "Yes"), ("partly", "Partly"), ("no", "No")]
RECOMMEND = [(str(score), str(score)) for score in range(11)]
FEEDBACK_CHANNELS = [("email", "Email"), ("sms", "SMS")]
STARS = range(1, 6)
# the scores a customer may leave unanswered, by the answer that tells whether they did: an
# unanswered rating is stored as 0 and an unanswered recommendation as nothing
ANSWERED_BY = {"rating": "rating", "csat": "rating", "handling_rating": "handling_rating", "nps": "recommend"}


class ComplaintFeedback(models.Model):
    """A customer's feedback on a resolved complaint: one per request, asked by the follow-up
    action and answered once on a public page reached with the request's token.

    The outcome (rating, solved?) and the handling are asked separately, as ISO 10002 asks. Only
    "solved?" must be answered; averages of the other scores count those who gave them."""

    _name = "complaint.feedback"
    _description = "Complaint Feedback"
    _order = "date_requested desc, id desc"
    _rec_name = "complaint_id"

    complaint_id = fields.Many2one("complaint.complaint", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True)
    # who and what it is about, as when asked (the complaint may change hands later)
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    team_id = fields.Many2one("complaint.team", index=True)
    user_id = fields.Many2one("res.users", string="Handled By", index=True)
    category_id = fields.Many2one("complaint.category")

    access_token = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        groups="base.group_system",
        default=lambda self: secrets.token_urlsafe(32),
    )
    date_requested = fields.Datetime(string="Requested On", required=True)
    date_expiry = fields.Datetime(string="Link Valid Until", required=True)
    state = fields.Selection(
        [("requested", "Requested"), ("done", "Answered"), ("cancelled", "Cancelled")],
        required=True,
        default="requested",
        index=True,
    )

    # the answers
    date = fields.Datetime(string="Answered On", readonly=True, index=True)
    channel = fields.Selection(FEEDBACK_CHANNELS, readonly=True, help="The message whose link the customer followed.")
    rating = fields.Integer(
        string="Outcome Rating", aggregator="avg", readonly=True, help="1 to 5 stars, 0 when not answered."
    )
    solved = fields.Selection(SOLVED, string="Problem Solved", readonly=True)
    handling_rating = fields.Integer(
        aggregator="avg",
        readonly=True,
        help="How satisfied the customer is with the way the complaint was handled, 1 to 5, 0 when not answered.",
    )
    recommend = fields.Selection(RECOMMEND, string="Would Recommend (0-10)", readonly=True)
    comment = fields.Text(readonly=True)
    reopen_requested = fields.Boolean(readonly=True)
    csat = fields.Float(
        string="CSAT (%)",
        compute="_compute_scores",
        store=True,
        aggregator="avg",
        help="100 for a rating of 4 or 5, else 0: averaged over the feedback that gave a rating, "
        "the share of satisfied customers.",
    )
    nps = fields.Float(
        string="NPS",
        compute="_compute_scores",
        store=True,
        aggregator="avg",
        help="100 for a promoter (9-10), -100 for a detractor (0-6), 0 for a passive: "
        "averaged over the feedback that answered the question, the Net Promoter Score.",
    )

    _sql_constraints = [
        ("access_token_uniq", "unique (access_token)", "A feedback link must be unique."),
        ("rating_range", "CHECK (rating BETWEEN 0 AND 5)", "The rating goes from 1 to 5 stars."),
        ("handling_rating_range", "CHECK (handling_rating BETWEEN 0 AND 5)", "The handling rating goes from 1 to 5."),
    ]

    @api.depends("rating", "recommend", "state")
    def _compute_scores(self):
        for feedback in self:
            answered = feedback.state == "done"
            feedback.csat = 100.0 if answered and feedback.rating >= 4 else 0.0
            score = int(feedback.recommend) if answered and feedback.recommend else None
            feedback.nps = 0.0 if score is None or 7 <= score <= 8 else (100.0 if score >= 9 else -100.0)

    @api.constrains("state", "rating", "handling_rating", "solved", "recommend")
    def _check_answers(self):
        for feedback in self.filtered(lambda f: f.state == "done"):
            if {feedback.rating, feedback.handling_rating} - {0, *STARS}:
                raise ValidationError(self.env._("Ratings go from 1 to 5 stars."))
            if not feedback.solved:
                raise ValidationError(self.env._("The feedback must say whether the problem is solved."))

    def _read_group_select(self, aggregate_spec, query):
        """Averages of a score that may be left unanswered count only the feedback that gave it:
        a customer who skipped the recommendation is no passive, nor a 0-star rating."""
        if aggregate_spec != "__count":
            fname, __, func = parse_read_group_spec(aggregate_spec)
            if func == "avg" and fname in ANSWERED_BY:
                answer = self._field_to_sql(self._table, ANSWERED_BY[fname], query)
                answered = SQL("%s IS NOT NULL", answer) if fname == "nps" else SQL("%s > 0", answer)
                score = self._field_to_sql(self._table, fname, query)
                return SQL("AVG(CASE WHEN %s THEN %s END)", answered, score)
        return super()._read_group_select(aggregate_spec, query)

    # ------------------------------------------------------------
    # REQUESTS
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # who and what the feedback is about, as the complaint is now
        complaints = self.env["complaint.complaint"].browse([vals["complaint_id"] for vals in vals_list])
        valid_days = get_int_param(self.env, FEEDBACK_VALID_DAYS) or 1
        for vals, complaint in zip(vals_list, complaints, strict=True):
            requested = fields.Datetime.to_datetime(vals.get("date_requested")) or fields.Datetime.now()
            vals.setdefault("date_requested", requested)
            vals.setdefault("date_expiry", requested + timedelta(days=valid_days))
            vals.setdefault("company_id", complaint.company_id.id)
            vals.setdefault("partner_id", complaint.partner_id.id)
            vals.setdefault("team_id", complaint.team_id.id)
            vals.setdefault("user_id", complaint.user_id.id)
            vals.setdefault("category_id", complaint.category_id.id)
        return super().create(vals_list)

    @api.model
    def _request_for(self, complaints):
        """A new request for each complaint, the earlier ones still open cancelled."""
        complaints._cancel_feedback_requests()
        return self.create([{"complaint_id": complaint.id} for complaint in complaints])

    def _url(self, rating=None, channel="email"):
        """The public page answering this request; `rating` pre-selects the stars."""
        self.ensure_one()
        query = f"?channel={channel}" + (f"&rating={rating}" if rating else "")
        return f"{self.complaint_id.get_base_url()}/complaints/feedback/{self.sudo().access_token}{query}"

    @api.model
    def _find(self, token):
        """The request with this token, else nothing. It acts as the system: what an answer
        sets off (a reopened complaint, a gesture) is not the public user's doing."""
        if not token or not isinstance(token, str) or len(token) > 128 or "\x00" in token:
            return self.browse()
        # root: visitors answer by token; the record is returned only to the token's holder
        return self.with_user(SUPERUSER_ID).search([("access_token", "=", token)], limit=1)

    def _lock(self):
        """Lock this request until the transaction ends, so that two answers sent at once are
        not both saved: the second waits, then finds it answered (or is retried by Odoo)."""
        self.ensure_one()
        self.env.cr.execute(SQL("SELECT id FROM complaint_feedback WHERE id = %s FOR UPDATE", self.id))
        self.invalidate_recordset(["state"])
        return self

    def _is_expired(self):
        self.ensure_one()
        return self.state == "cancelled" or (self.state == "requested" and self.date_expiry < fields.Datetime.now())

    # ------------------------------------------------------------
    # ANSWERS
    # ------------------------------------------------------------

    @api.model
    def _read_form(self, form):
        """Check the answers posted on the feedback page: (values to save, errors by field)."""
        errors = {}

        def choice(name, allowed, message, required=False):
            """The answer to one question: one of `allowed`, or nothing when it was left out."""
            value = form.get(name) or ""
            if value not in allowed and (value or required):
                errors[name] = message
            return value if value in allowed else False

        stars = [str(n) for n in STARS]
        rating = choice("rating", stars, self.env._("Please choose from 1 to 5 stars."))
        handling = choice("handling_rating", stars, self.env._("Please choose from 1 to 5."))
        values = {
            "rating": int(rating) if rating else 0,
            "solved": choice(
                "solved", dict(SOLVED), self.env._("Please tell us whether the problem is solved."), required=True
            ),
            "handling_rating": int(handling) if handling else 0,
            "recommend": choice("recommend", dict(RECOMMEND), self.env._("Please choose from 0 to 10.")),
            "comment": (form.get("comment") or "").strip()[:5000] or False,
            "channel": form.get("channel") if form.get("channel") in dict(FEEDBACK_CHANNELS) else "email",
        }
        values["reopen_requested"] = values["solved"] == "no" and bool(form.get("reopen"))
        return values, errors

    def _answer(self, values):
        """Save the customer's answers (checked by _read_form) on this open request, reopen the
        complaint when asked, and give the team's gesture."""
        self.ensure_one()
        self.write(dict(values, state="done", date=fields.Datetime.now()))
        complaint = self.complaint_id
        if self.reopen_requested and not complaint._reopen_after_feedback(self.partner_id):
            self.reopen_requested = False  # it was reopened already, or there is no open stage to go back to
        complaint._give_reward("feedback")
