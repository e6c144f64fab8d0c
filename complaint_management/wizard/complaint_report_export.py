import tempfile
from datetime import date, datetime, time

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from werkzeug.urls import url_encode

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.web_date_solar_hijri.tools import month_label, month_starts, reader_date, uses_solar_hijri

from ..models.complaint_portal_params import DEFAULT_PERIOD_DAYS
from ..report.complaint_report_workbook import ComplaintReportWorkbook

# rows of the complaint list read per query: memory stays flat however many complaints there are
ROWS_PER_BATCH = 2000
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# the report counts by month: a period of at most ten years, from 1900 on
PERIOD_FIRST_DAY = date(1900, 1, 1)
PERIOD_MAX_YEARS = 10
# the customers the Repeat customers sheet lists at most, most complaints first (stated in the README)
REPEAT_CUSTOMERS_SHOWN = 1000


class ComplaintReportExport(models.TransientModel):
    """The management report as an Excel workbook: summary, trend, categories, products, SLA,
    agents, repeat customers and the complaints themselves, for a period, teams and categories."""

    _name = "complaint.report.export"
    _description = "Complaint Management Report"

    # the default period: the last 90 days, today included
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(days=DEFAULT_PERIOD_DAYS - 1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    team_ids = fields.Many2many("complaint.team", string="Teams", help="All teams when empty.")
    category_ids = fields.Many2many("complaint.category", string="Categories", help="All categories when empty.")
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        help="The companies selected when the report was asked for.",
    )

    _sql_constraints = [
        ("dates_ordered", "CHECK (date_from <= date_to)", "The period must end after it starts."),
    ]
    # the records a request names, read back from its download address
    _REQUEST_RECORDS = ("team_ids", "category_ids", "company_ids")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for export in self:
            if export.date_from <= export.date_to and not export._period_is_valid():
                raise ValidationError(
                    self.env._(
                        "The period must start in %(year)s or later and last at most %(count)s years.",
                        year=PERIOD_FIRST_DAY.year,
                        count=PERIOD_MAX_YEARS,
                    )
                )

    def _period_is_valid(self):
        """Whether the report can count the period by month: in order, from 1900 on, ten years at most."""
        self.ensure_one()
        return (
            PERIOD_FIRST_DAY <= self.date_from <= self.date_to <= self.date_from + relativedelta(years=PERIOD_MAX_YEARS)
        )

    def action_export(self):
        """Download the workbook. Its address holds the request itself, not this record's id: the
        download is read on a replica when there is one, which may not have this record yet."""
        self.ensure_one()
        query = {"date_from": self.date_from, "date_to": self.date_to}
        query.update({name: ",".join(map(str, self[name].ids)) for name in self._REQUEST_RECORDS})
        return {"type": "ir.actions.act_url", "url": f"/complaints/report.xlsx?{url_encode(query)}", "target": "self"}

    @api.model
    def _from_request(self, query):
        """The unsaved request that `query` (the download address's parameters) describes, or
        nothing when it describes none. Only the teams and categories the user may read are kept,
        and the user's own companies."""
        self.browse().check_access("create")
        try:
            dates = {name: fields.Date.to_date(query[name]) for name in ("date_from", "date_to")}
            ids = {
                name: [int(part) for part in query.get(name, "").split(",") if part] for name in self._REQUEST_RECORDS
            }
        except (KeyError, ValueError):
            return self.browse()
        if not (dates["date_from"] and dates["date_to"]):
            return self.browse()
        companies = self.env.user.company_ids
        export = self.new(
            {
                **dates,
                "team_ids": [Command.set(self.env["complaint.team"].search([("id", "in", ids["team_ids"])]).ids)],
                "category_ids": [
                    Command.set(self.env["complaint.category"].search([("id", "in", ids["category_ids"])]).ids)
                ],
                "company_ids": [Command.set((companies.browse(ids["company_ids"]) & companies).ids)],
            }
        )
        return export if export._period_is_valid() else self.browse()

    # ------------------------------------------------------------
    # DATA
    # ------------------------------------------------------------

    def _tz(self):
        return self.env.context.get("tz") or self.env.user.tz or "UTC"

    def _utc(self, day, at):
        """The UTC moment of `at` on local `day` (the user's time zone)."""
        local = pytz.timezone(self._tz()).localize(datetime.combine(day, at))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _local(self, column):
        """SQL of report `column` (a UTC datetime) in the user's time zone."""
        return SQL("timezone(%s, timezone('UTC', %s))", self._tz(), SQL.identifier("complaint_report", column))

    def _domain(self):
        self.ensure_one()
        domain = [
            ("date_received", ">=", self._utc(self.date_from, time.min)),
            ("date_received", "<=", self._utc(self.date_to, time.max)),
            # ._origin: a request read from the download's address is not saved (see _from_request)
            ("company_id", "in", self.company_ids._origin.ids or self.env.companies.ids),
        ]
        if self.team_ids:
            domain.append(("team_id", "in", self.team_ids._origin.ids))
        if self.category_ids:
            domain.append(("category_id", "child_of", self.category_ids._origin.ids))
        return domain

    def _query(self):
        """The complaints of the report (the user's record rules applied), as a query to select from."""
        return self.env["complaint.report"]._search(self._domain())

    def _aggregates(self, groupings):
        """The figures over the report's complaints, in one pass over them: (total, rows of each
        of `groupings`), a row being (group, count, resolved, mean hours to resolve, median hours,
        FCR %, repeat %, SLA met %, CSAT %, compensation), the groups of a grouping (SQL over the
        report's rows) the biggest first."""
        query = self._query()
        t = SQL.identifier(query.table)
        keys = [SQL.identifier(f"key_{index}") for index in range(len(groupings))]
        rows = self.env.execute_query(
            SQL(
                """
            SELECT GROUPING(%(keys)s), %(keys)s, count(*), count(x.hours), avg(x.hours),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY x.hours),
                   avg(x.fcr), avg(x.repeat), avg(x.sla_met), avg(x.csat), sum(x.compensation)
              FROM (SELECT %(groupings)s, %(t)s.hours_to_resolve AS hours, %(t)s.fcr AS fcr,
                           %(t)s.repeat AS repeat, %(t)s.sla_met AS sla_met, %(t)s.csat AS csat,
                           %(t)s.compensation_amount AS compensation
                      FROM %(from)s WHERE %(where)s) x
             GROUP BY GROUPING SETS ((), %(sets)s)
        """,
                keys=SQL(", ").join(keys),
                t=t,
                sets=SQL(", ").join(SQL("(%s)", key) for key in keys),
                groupings=SQL(", ").join(
                    SQL("%s AS %s", grouping, key) for grouping, key in zip(groupings, keys, strict=True)
                ),
                **{"from": query.from_clause, "where": query.where_clause},
            )
        )
        # GROUPING() sets the bit of each key a row is not grouped by, the first key's highest
        everything = (1 << len(keys)) - 1
        total = next(
            (row[len(keys) + 1 :] for row in rows if row[0] == everything and row[len(keys) + 1]),
            (0, 0, None, None, None, None, None, None, 0),
        )
        groups = []
        for index in range(len(keys)):
            mask = everything ^ (1 << (len(keys) - 1 - index))
            group_rows = [(row[1 + index], *row[len(keys) + 1 :]) for row in rows if row[0] == mask]
            # the biggest first, then by name (no group last)
            groups.append(
                sorted(group_rows, key=lambda row: (-row[1], row[0] is None, row[0] if row[0] is not None else ""))
            )
        return total, groups

    def _complaint_rows(self):
        """The report's complaints as tuples of the Complaints sheet's columns, a batch at a time,
        oldest first; measures not applicable (not resolved, no SLA, no feedback) are None."""
        query = self._query()
        t = SQL.identifier(query.table)
        columns = SQL(", ").join(
            [
                SQL("%s.name", t),
                self._local("date_received"),
                self._name_of("res.partner", "partner_id"),
                self._name_of("complaint.category", "category_id"),
                self._name_of("product.product", "product_id"),
                self._name_of("complaint.team", "team_id"),
                self._name_of("res.users", "user_id"),
                self._name_of("complaint.stage", "stage_id"),
                SQL("%s.hours_to_resolve", t),
                SQL("%s.fcr", t),
                SQL("%s.sla_met", t),
                SQL("%s.csat", t),
            ]
        )
        # one query, read a batch at a time (a cursor of PostgreSQL's, which a read-only replica
        # serves too): the SLA figures of the report are computed once, not once per batch
        self.env.cr.execute(
            SQL(
                "DECLARE complaint_export_rows NO SCROLL CURSOR FOR SELECT %s FROM %s WHERE %s ORDER BY %s.id",
                columns,
                query.from_clause,
                query.where_clause,
                t,
            )
        )
        while rows := self.env.execute_query(SQL("FETCH %s FROM complaint_export_rows", ROWS_PER_BATCH)):
            yield from rows
        self.env.cr.execute("CLOSE complaint_export_rows")

    def _name_of(self, model, column):
        """SQL giving the display name of the record in the report's `column` (its id when unnamed)."""
        ids = SQL.identifier("complaint_report", column)
        if model == "res.users":
            return SQL(
                "(SELECT p.name FROM res_users u JOIN res_partner p ON p.id = u.partner_id WHERE u.id = %s)", ids
            )
        if model == "res.partner":
            return SQL("(SELECT name FROM res_partner WHERE id = %s)", ids)
        if model == "complaint.category":  # with its parents: subcategories of the same name stay apart
            return SQL("(SELECT complete_name FROM complaint_category WHERE id = %s)", ids)
        if model == "product.product":
            return SQL(
                "(SELECT %s FROM product_product pp JOIN product_template t ON t.id = pp.product_tmpl_id "
                "WHERE pp.id = %s)",
                self.env["product.template"]._field_to_sql("t", "name"),
                ids,
            )
        # the name in the reader's language (else in English), as Odoo reads a translated field
        Model = self.env[model]
        return SQL(
            "(SELECT %s FROM %s x WHERE x.id = %s)",
            Model._field_to_sql("x", Model._rec_name),
            SQL.identifier(Model._table),
            ids,
        )

    def _month_group(self):
        """SQL grouping the report's complaints by calendar month of the reader (Solar Hijri in
        Persian), and the name of a group from its key."""
        received = self._local("date_received")
        if not uses_solar_hijri(self.env.lang):
            return SQL("date_trunc('month', %s)", received), lambda key: key.strftime("%Y-%m")
        starts = month_starts(self.date_to, solar_hijri=True, first=self.date_from)
        return (
            SQL("width_bucket(%s::date, %s::date[])", received, starts),
            lambda key: month_label(self.env, starts[key - 1], self.env.lang),
        )

    def _open_count(self):
        """How many of the report's complaints are still open."""
        query = self._query()
        [open_count] = self.env.execute_query(
            SQL(
                "SELECT count(*) FROM %s WHERE %s AND NOT %s",
                query.from_clause,
                query.where_clause,
                SQL.identifier(query.table, "is_closed"),
            )
        )[0]
        return open_count

    def _repeat_customer_rows(self):
        """(name, complaints, repeats, last received) of the customers with more than one of the
        report's complaints, those with the most first (1 000 at most)."""
        query = self._query()
        t = SQL.identifier(query.table)
        return self.env.execute_query(
            SQL(
                """
            SELECT %(customer)s, count(*),
                   count(*) FILTER (WHERE %(t)s.repeat > 0), max(%(received)s)
              FROM %(from)s WHERE %(where)s AND %(t)s.partner_id IS NOT NULL
             GROUP BY %(t)s.partner_id HAVING count(*) > 1
             ORDER BY 2 DESC, 1 LIMIT %(shown)s
        """,
                t=t,
                shown=REPEAT_CUSTOMERS_SHOWN,
                customer=self._name_of("res.partner", "partner_id"),
                received=self._local("date_received"),
                **{"from": query.from_clause, "where": query.where_clause},
            )
        )

    # ------------------------------------------------------------
    # WORKBOOK (report/complaint_report_workbook.py)
    # ------------------------------------------------------------

    def _write_xlsx(self, file):
        """Write the workbook into `file` (a path or a binary file object), streaming its rows."""
        self.ensure_one()
        ComplaintReportWorkbook(self).write_to(file)

    # ------------------------------------------------------------
    # MAIL (the monthly report of a team: complaint.team)
    # ------------------------------------------------------------

    def _mail_to(self, partner, team):
        self.ensure_one()
        with tempfile.TemporaryFile() as file:
            self._write_xlsx(file)
            file.seek(0)
            data = file.read()
        name = self._file_name()
        # sudo: the system mails the workbook it built with the leader's rights; attached to no
        # record, so that nobody else can read it (a team's attachments are readable by its readers)
        attachment = self.env["ir.attachment"].sudo().create({"name": name, "raw": data, "mimetype": XLSX_MIMETYPE})
        self.env["mail.mail"].sudo().create(
            {
                "subject": self.env._(
                    "%(team)s: complaint report %(period)s", team=team.name, period=self._period_text()
                ),
                "body_html": Markup("<p>%s</p>")
                % self.env._("The complaint management report of %(team)s is attached.", team=team.name),
                "recipient_ids": [(6, 0, partner.ids)],
                "attachment_ids": [(6, 0, attachment.ids)],
                "email_from": team.company_id.email_formatted or self.env.user.email_formatted,
                "auto_delete": True,
            }
        )

    def _period_text(self):
        """The period as the reader writes dates (in Persian, Solar Hijri)."""
        return " – ".join(reader_date(self.env, day, self.env.lang) for day in (self.date_from, self.date_to))

    def _file_name(self):
        return self.env._("Complaints %(start)s %(end)s.xlsx", start=self.date_from, end=self.date_to)
