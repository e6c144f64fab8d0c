from datetime import datetime, time

import pytz
from babel.numbers import format_decimal, format_percent
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL
from odoo.tools.misc import babel_locale_parse

from odoo.addons.web_date_solar_hijri.tools import PERSIAN_DIGITS, month_label, month_starts, uses_solar_hijri

from ..models.complaint_complaint import CHANNELS, SEVERITIES
from ..models.complaint_portal_params import DEFAULT_PERIOD_DAYS

# the months the public statistics page shows one by one
PUBLIC_STATISTICS_MONTHS = 12


def json_number(value):
    """A figure of the database (an int, a float, a Decimal or None) as JSON keeps it."""
    return value if value is None or isinstance(value, int) else float(value)


# Persian digits, thousands separator and percent sign
PERSIAN_NUMBER = {**PERSIAN_DIGITS, ord(","): "٬", ord("%"): "٪"}


class ComplaintReport(models.Model):
    """Complaint analysis: one row per complaint with its handling measures, worked out in SQL
    from stored fields (the SLA outcome when read), for pivots, graphs and the dashboard."""

    _name = "complaint.report"
    _description = "Complaint Analysis"
    _auto = False
    _order = "date_received desc, id desc"
    _rec_name = "name"

    name = fields.Char(string="Tracking Code", readonly=True)
    complaint_id = fields.Many2one("complaint.complaint", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    date_resolved = fields.Datetime(string="Resolved On", readonly=True)
    team_id = fields.Many2one("complaint.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned To", readonly=True)
    category_id = fields.Many2one("complaint.category", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    stage_id = fields.Many2one("complaint.stage", readonly=True)
    is_closed = fields.Boolean(string="Closed", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    country_id = fields.Many2one("res.country", string="Customer Country", readonly=True)
    salesperson_id = fields.Many2one("res.users", readonly=True)

    hours_to_acknowledge = fields.Float(string="Hours to Acknowledge", aggregator="avg", readonly=True)
    hours_to_resolve = fields.Float(string="Hours to Resolve", aggregator="avg", readonly=True)
    fcr = fields.Float(
        string="First-Contact Resolution (%)",
        aggregator="avg",
        readonly=True,
        help="Of the resolved complaints, the share resolved with at most one staff reply and never reopened.",
    )
    repeat = fields.Float(
        string="Repeat (%)",
        aggregator="avg",
        readonly=True,
        help="Share of complaints whose customer complained about the same category or product within "
        "the repeat window before.",
    )
    sla_met = fields.Float(
        string="SLA Met (%)",
        aggregator="avg",
        readonly=True,
        help="Of the complaints under an SLA whose targets are all reached or failed, the share with none failed.",
    )
    reopened = fields.Float(string="Reopened (%)", aggregator="avg", readonly=True)
    compensation_amount = fields.Float(string="Compensation", aggregator="sum", readonly=True)
    csat = fields.Float(
        string="CSAT (%)",
        aggregator="avg",
        readonly=True,
        help="Of the complaints with feedback, the share rated 4 or 5 stars.",
    )

    _depends = {
        "complaint.complaint": [
            "name",
            "company_id",
            "date_received",
            "team_id",
            "user_id",
            "category_id",
            "product_id",
            "channel",
            "severity",
            "stage_id",
            "is_closed",
            "partner_id",
            "commercial_partner_id",
            "date_acknowledged",
            "date_resolved",
            "staff_reply_count",
            "reopen_count",
            "is_repeat",
            "compensation_amount",
            "feedback_rating",
            "active",
        ],
        "complaint.sla.status": ["complaint_id", "deadline", "reached_date"],
        "res.partner": ["country_id", "user_id"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["categ_id"],
    }

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT c.id, c.id AS complaint_id, c.name, c.company_id, c.date_received, c.date_resolved,
                   c.team_id, c.user_id,
                   c.category_id, c.product_id, t.categ_id AS product_categ_id, c.channel, c.severity,
                   c.stage_id, c.is_closed, c.commercial_partner_id AS partner_id, p.country_id,
                   p.user_id AS salesperson_id,
                   extract(epoch FROM c.date_acknowledged - c.date_received) / 3600.0 AS hours_to_acknowledge,
                   extract(epoch FROM c.date_resolved - c.date_received) / 3600.0 AS hours_to_resolve,
                   CASE WHEN c.date_resolved IS NULL THEN NULL
                        WHEN coalesce(c.staff_reply_count, 0) <= 1 AND coalesce(c.reopen_count, 0) = 0 THEN 100.0
                        ELSE 0.0 END AS fcr,
                   CASE WHEN c.is_repeat THEN 100.0 ELSE 0.0 END AS repeat,
                   CASE WHEN sla.failed THEN 0.0 WHEN sla.reached THEN 100.0 END AS sla_met,
                   CASE WHEN coalesce(c.reopen_count, 0) > 0 THEN 100.0 ELSE 0.0 END AS reopened,
                   coalesce(c.compensation_amount, 0.0) AS compensation_amount,
                   CASE WHEN c.feedback_rating >= 4 THEN 100.0 WHEN c.feedback_rating > 0 THEN 0.0 END AS csat
              FROM complaint_complaint c
              LEFT JOIN res_partner p ON p.id = c.commercial_partner_id
              LEFT JOIN product_product pp ON pp.id = c.product_id
              LEFT JOIN product_template t ON t.id = pp.product_tmpl_id
              LEFT JOIN (
                  SELECT complaint_id,
                         bool_or(deadline < coalesce(reached_date, %(now)s)) AS failed,
                         bool_and(reached_date IS NOT NULL) AS reached
                    FROM complaint_sla_status
                   GROUP BY complaint_id
              ) sla ON sla.complaint_id = c.id
             WHERE c.active
        """,
            now=fields.Datetime.now(),
        )

    @api.model
    def _without_jit(self):
        """PostgreSQL compiles (JIT) the queries its planner finds costly before running them: on
        aggregates over many complaints, whose sizes it overestimates, the compiling took longer
        than the work (1.9 of 2.4 s at a million complaints). Off for the rest of the transaction."""
        self.env.cr.execute("SET LOCAL jit = off")

    # ------------------------------------------------------------
    # DASHBOARD
    # ------------------------------------------------------------

    @api.model
    def get_dashboard_data(self, days=None):
        """The manager dashboard: KPIs over the last `days` days (the default period when not given)
        next to the `days` before, the monthly trend and the main categories; each figure with the
        domain of its complaints."""
        days = min(max(int(days or DEFAULT_PERIOD_DAYS), 1), 366)
        self._without_jit()
        now = fields.Datetime.now()
        start, previous_start = now - relativedelta(days=days), now - relativedelta(days=2 * days)
        current, previous = self._dashboard_kpis(start, now), self._dashboard_kpis(previous_start, start)
        # nothing received before: nothing to compare with (not "previous: 0 %")
        compared = self.search_count([("date_received", ">=", previous_start), ("date_received", "<", start)])
        kpis = []
        for key, label, kind, better in self._dashboard_kpi_labels():
            value, domain = current[key]
            # open and overdue are counts of today: no earlier figure to compare with
            kpis.append(
                {
                    "key": key,
                    "label": label,
                    "kind": kind,
                    "better": better,
                    "value": value,
                    "previous": previous[key][0] if compared and key not in ("open", "overdue") else None,
                    "domain": domain,
                }
            )
        return {
            "days": days,
            "kpis": kpis,
            "trend": self._dashboard_trend(now),
            "categories": self._dashboard_categories(start, now),
        }

    def _dashboard_kpi_labels(self):
        # key, label, kind of number, which way is better
        return [
            ("open", self.env._("Open"), "int", "lower"),
            ("overdue", self.env._("Overdue"), "int", "lower"),
            ("sla_met", self.env._("SLA Compliance"), "percent", "higher"),
            ("mean_hours", self.env._("Mean Time to Resolve"), "hours", "lower"),
            ("median_hours", self.env._("Median Time to Resolve"), "hours", "lower"),
            ("fcr", self.env._("First-Contact Resolution"), "percent", "higher"),
            ("repeat", self.env._("Repeat Rate"), "percent", "lower"),
            ("csat", self.env._("CSAT"), "percent", "higher"),
        ]

    def _dashboard_kpis(self, start, end):
        """{kpi: (value, complaint domain)} for complaints received (or resolved) between the dates;
        open and overdue are as of `end`."""
        start, end = fields.Datetime.to_string(start), fields.Datetime.to_string(end)
        received = [("date_received", ">=", start), ("date_received", "<", end)]
        resolved = [("date_resolved", ">=", start), ("date_resolved", "<", end)]
        [(fcr, repeat, sla_met, csat)] = self._read_group(
            received, [], ["fcr:avg", "repeat:avg", "sla_met:avg", "csat:avg"]
        )
        resolved_ids = self.env["complaint.complaint"]._search(resolved)
        query = self._search([("id", "in", resolved_ids)])
        [(mean, median)] = self.env.execute_query(
            SQL(
                "SELECT avg(%(h)s), percentile_cont(0.5) WITHIN GROUP (ORDER BY %(h)s) FROM %(from)s WHERE %(where)s",
                h=SQL.identifier(query.table, "hours_to_resolve"),
                **{"from": query.from_clause, "where": query.where_clause},
            )
        )
        Complaint = self.env["complaint.complaint"]
        # open: still to be resolved (a resolved complaint waits for its closing, it is not open)
        open_domain = [("is_closed", "=", False), ("stage_id.is_resolved", "=", False), ("date_received", "<", end)]
        overdue_domain = [("is_closed", "=", False), ("sla_deadline", "<", end)]
        return {
            "open": (Complaint.search_count(open_domain), open_domain),
            "overdue": (Complaint.search_count(overdue_domain), overdue_domain),
            "sla_met": (sla_met, received),
            "mean_hours": (mean, resolved),
            "median_hours": (median, resolved),
            "fcr": (fcr, received),
            "repeat": (repeat, received),
            "csat": (csat, received),
        }

    def _dashboard_trend(self, now):
        """Complaints per month of the user's time zone, the last twelve months."""
        tz_name = self.env.context.get("tz") or self.env.user.tz or "UTC"
        tz = pytz.timezone(tz_name)

        def utc(local):
            return fields.Datetime.to_string(tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None))

        local_now = pytz.utc.localize(now).astimezone(tz).replace(tzinfo=None)
        start = (local_now - relativedelta(months=11)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        counts = dict(
            self.with_context(tz=tz_name)._read_group(
                [("date_received", ">=", utc(start))], ["date_received:month"], ["__count"]
            )
        )
        trend = []
        for index in range(12):
            month = start + relativedelta(months=index)
            trend.append(
                {
                    "label": tools.format_date(self.env, month, date_format="MMMM y"),
                    "short": tools.format_date(self.env, month, date_format="MMM yy"),
                    "count": counts.get(month, 0),
                    "domain": [
                        ("date_received", ">=", utc(month)),
                        ("date_received", "<", utc(month + relativedelta(months=1))),
                    ],
                }
            )
        return trend

    def _dashboard_categories(self, start, end):
        start, end = fields.Datetime.to_string(start), fields.Datetime.to_string(end)
        groups = self._read_group(
            [("date_received", ">=", start), ("date_received", "<", end)],
            ["category_id"],
            ["__count"],
            order="__count desc",
            limit=8,
        )
        return [
            {
                "label": category.display_name or self.env._("No category"),
                "count": count,
                "domain": [
                    ("date_received", ">=", start),
                    ("date_received", "<", end),
                    ("category_id", "=", category.id or False),
                ],
            }
            for category, count in groups
        ]

    # ------------------------------------------------------------
    # PUBLIC STATISTICS
    # ------------------------------------------------------------

    @api.model
    def _public_number_formats(self):
        """How the public statistics page writes its numbers in the page's language: Persian digits
        and percent sign in Persian, hours as a word that language has."""
        lang = self.env.lang or "en_US"
        locale = babel_locale_parse(lang)
        # Odoo's babel writes Latin digits in every language; Persian readers expect their own
        local = (lambda text: text.translate(PERSIAN_NUMBER)) if uses_solar_hijri(lang) else (lambda text: text)
        return {
            "number": lambda value: local(format_decimal(value, locale=locale)),
            "percent": lambda value: local(format_percent(round(value) / 100, locale=locale)),
            "hours": lambda value: self.env._("%(hours)s h", hours=local(format_decimal(round(value), locale=locale))),
        }

    @api.model
    def _public_statistics(self):
        """Anonymous figures for the public statistics page of the current company, in the current
        language: those published for the day (res.company._cron_publish_complaint_statistics),
        else worked out now."""
        # sudo: the figures the company publishes, which visitors may read but not the company
        company = self.env.company.sudo()
        day = self._public_statistics_day(company)
        published = company._published_complaint_statistics()
        if published.get("day") == day.isoformat() and self.env.lang in published.get("figures", {}):
            return published["figures"][self.env.lang]
        return self._public_statistics_figures(company, day)

    @api.model
    def _public_statistics_day(self, company):
        """The day the public statistics of `company` are of: today in the company's time zone."""
        return fields.Date.context_today(self.with_context(tz=company.partner_id.tz or "UTC"))

    @api.model
    def _public_statistics_figures(self, company, today):
        """The public statistics of `company` on day `today`, in the current language: a summary
        and the main topics of the default period (the last 90 days), and the company's last
        PUBLIC_STATISTICS_MONTHS months one by one; no customer, employee or complaint is named.
        Only numbers, texts and None: they are kept as JSON."""
        company_id = company.id
        # calendar months of the reader (Solar Hijri in Persian), days of the company's time zone
        starts = month_starts(today, solar_hijri=uses_solar_hijri(self.env.lang), count=PUBLIC_STATISTICS_MONTHS)
        tz = company.partner_id.tz or "UTC"
        period_start = today - relativedelta(days=DEFAULT_PERIOD_DAYS - 1)

        def local_day(column):
            return SQL("timezone(%s, timezone('UTC', %s))::date", tz, SQL.identifier("r", column))

        def since(day):
            """The UTC moment the company's `day` starts: dates compare with it as stored, so an
            index on them answers."""
            return pytz.timezone(tz).localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        # sudo: aggregates only; visitors may not read complaints
        report = self.sudo()
        report._without_jit()
        rows = report.env.execute_query(
            SQL(
                """
            WITH received AS (
                SELECT width_bucket(%(received)s, %(starts)s::date[]) AS month, count(*) AS received
                  FROM (%(table)s) r
                 WHERE r.company_id = %(company)s AND r.date_received >= %(since)s
                 GROUP BY 1
            ), resolved AS (
                SELECT width_bucket(%(resolved)s, %(starts)s::date[]) AS month, count(*) AS resolved,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.hours_to_resolve) AS median_hours,
                       avg(r.sla_met) AS sla_met
                  FROM (%(table)s) r
                 WHERE r.company_id = %(company)s AND r.date_resolved >= %(since)s
                 GROUP BY 1
            )
            SELECT month, coalesce(received.received, 0), coalesce(resolved.resolved, 0),
                   resolved.median_hours, resolved.sla_met
              FROM received FULL JOIN resolved USING (month)
             ORDER BY month
        """,
                table=self._table_query,
                company=company_id,
                since=since(starts[0]),
                starts=starts,
                received=local_day("date_received"),
                resolved=local_day("date_resolved"),
            )
        )
        period_since = since(period_start)
        [period] = report.env.execute_query(
            SQL(
                """
            SELECT count(*) FILTER (WHERE r.date_received >= %(since)s),
                   count(*) FILTER (WHERE r.date_resolved >= %(since)s),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.hours_to_resolve)
                       FILTER (WHERE r.date_resolved >= %(since)s),
                   avg(r.sla_met) FILTER (WHERE r.date_resolved >= %(since)s)
              FROM (%(table)s) r
             WHERE r.company_id = %(company)s AND (r.date_received >= %(since)s OR r.date_resolved >= %(since)s)
        """,
                table=self._table_query,
                company=company_id,
                since=period_since,
            )
        )
        categories = report.env.execute_query(
            SQL(
                """
            SELECT category_id, count(*) FROM (%(table)s) r
             WHERE r.company_id = %(company)s AND r.date_received >= %(since)s AND r.category_id IS NOT NULL
             GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5
        """,
                table=self._table_query,
                company=company_id,
                since=period_since,
            )
        )
        names = {
            category.id: category.display_name
            for category in self.env["complaint.category"].sudo().browse([row[0] for row in categories])
        }
        days = self._public_number_formats()["number"](DEFAULT_PERIOD_DAYS)
        return {
            "period": dict(
                zip(("received", "resolved", "median_hours", "sla_met"), map(json_number, period), strict=True),
                title=self.env._("Last %(days)s days", days=days),
                topics_title=self.env._("Main topics of the last %(days)s days", days=days),
            ),
            "months": [
                {
                    "month": month_label(self.env, starts[bucket - 1], self.env.lang),
                    "received": received,
                    "resolved": resolved,
                    "median_hours": json_number(median),
                    "sla_met": json_number(sla_met),
                }
                for bucket, received, resolved, median, sla_met in rows
            ],
            "categories": [{"name": names[category_id], "count": count} for category_id, count in categories],
        }
