import io
import zipfile
from datetime import date
from urllib.parse import urlsplit

from freezegun import freeze_time
from lxml import etree
from werkzeug.urls import url_decode

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ComplaintAnalysisCommon

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def read_workbook(data):
    """{sheet name: ({cell: value}, sheet xml)} and the file names of an xlsx workbook."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = etree.fromstring(archive.read("xl/workbook.xml"))
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        sheets = {}
        for sheet in book.iter(f"{MAIN}sheet"):
            xml = etree.fromstring(archive.read("xl/" + targets[sheet.get(f"{RELS}id")]))
            cells = {}
            for cell in xml.iter(f"{MAIN}c"):
                number = cell.find(f"{MAIN}v")
                cells[cell.get("r")] = (
                    "".join(cell.itertext())
                    if cell.get("t") == "inlineStr"
                    else (float(number.text) if number is not None else None)
                )
            sheets[sheet.get("name")] = (cells, xml)
        return sheets, archive.namelist()


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintReportExport(ComplaintAnalysisCommon):
    """The workbook of the hand-built complaints A to D, checked cell by cell."""

    def _workbook(self, **values):
        export = self.env["complaint.report.export"].create(
            dict({"date_from": "2026-03-01", "date_to": "2026-03-31"}, **values)
        )
        file = io.BytesIO()
        export._write_xlsx(file)
        return read_workbook(file.getvalue())

    @freeze_time("2026-04-01 00:00:00")
    def test_sheets_cell_by_cell(self):
        sheets, files = self._workbook(team_ids=[(6, 0, self.team_a.ids)])
        self.assertEqual(
            list(sheets),
            ["Summary", "Trend", "Categories", "Products", "SLA", "Agents", "Repeat customers", "Complaints"],
        )
        summary = sheets["Summary"][0]
        self.assertEqual(
            [summary[f"A{row}"] for row in (4, 6, 7, 8)],
            ["Complaints received", "Resolved", "Mean time to resolve (hours)", "Median time to resolve (hours)"],
        )
        self.assertEqual([summary[f"B{row}"] for row in range(4, 14)][:5], [4, 4, 3, 40, 48])
        self.assertAlmostEqual(summary["B9"], 1 / 3, msg="first-contact resolution")
        self.assertEqual((summary["B10"], summary["B11"], summary["B12"], summary["B13"]), (0.25, 0.5, 0.5, 30))

        trend = sheets["Trend"][0]
        self.assertEqual((trend["A2"], trend["B2"], trend["C2"]), ("2026-03", 4, 3))
        self.assertTrue(any(name.startswith("xl/charts/chart") for name in files), "a native Excel chart")

        categories = sheets["Categories"][0]
        self.assertEqual(
            (categories["A2"], categories["B2"], categories["A3"], categories["B3"]),
            ("Test delivery", 3, "Test billing", 1),
        )
        self.assertEqual(
            sum(value for key, value in sheets["Agents"][0].items() if key.startswith("B") and key != "B1"), 4
        )
        self.assertEqual(sheets["SLA"][0]["H2"], 0.5, "team A: half its complaints met the SLA")

        repeat = sheets["Repeat customers"][0]
        self.assertEqual((repeat["A2"], repeat["B2"], repeat["C2"]), ("Parsa Trading", 3, 1))
        self.assertNotIn("A3", repeat, "a customer with one complaint is no repeat customer")

        complaints = sheets["Complaints"][0]
        self.assertEqual(
            [complaints[f"A{row}"] for row in range(2, 6)], (self.a | self.b | self.c | self.d).mapped("name")
        )
        self.assertEqual((complaints["I2"], complaints["J2"], complaints["L2"]), (24, 1, 1))
        self.assertNotIn("I5", complaints, "D is not resolved: no time to resolve")
        self.assertNotIn("A6", complaints)

    def test_filters(self):
        sheets, _files = self._workbook(team_ids=[(6, 0, self.team_b.ids)])
        self.assertEqual(sheets["Summary"][0]["B4"], 0)
        sheets, _files = self._workbook(category_ids=[(6, 0, self.category_billing.ids)])
        self.assertEqual(sheets["Summary"][0]["B4"], 1)
        sheets, _files = self._workbook(date_from="2026-03-05", date_to="2026-03-31")
        self.assertEqual(sheets["Summary"][0]["B4"], 2, "C and D")

    def test_right_to_left_sheets_in_persian(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        export = (
            self.env["complaint.report.export"]
            .with_context(lang="fa_IR")
            .create({"date_from": "2026-03-01", "date_to": "2026-03-31"})
        )
        file = io.BytesIO()
        export._write_xlsx(file)
        sheets, _files = read_workbook(file.getvalue())
        for _cells, xml in sheets.values():
            self.assertEqual(xml.find(f"{MAIN}sheetViews/{MAIN}sheetView").get("rightToLeft"), "1")

    def test_opens_on_the_last_90_days(self):
        with freeze_time("2027-01-31 21:00:00"):  # 1 February, 00:30 in Tehran
            export = self.env["complaint.report.export"].with_context(tz="Asia/Tehran").create({})
        self.assertEqual((export.date_from, export.date_to), (date(2026, 11, 4), date(2027, 2, 1)))

    def test_requests_readable_by_their_user_only(self):
        Export = self.env["complaint.report.export"]
        mine = Export.with_user(self.user_a1).create({"team_ids": [(6, 0, self.team_a.ids)]})
        self.assertEqual(Export.with_user(self.user_a1).search([("id", "=", mine.id)]), mine)
        for other in (self.user_a2, self.manager):
            with self.subTest(user=other.login):
                self.assertFalse(Export.with_user(other).search([("id", "=", mine.id)]))
                with self.assertRaises(AccessError):
                    mine.with_user(other).read(["team_ids", "date_from"])

    def test_period_counted_by_month(self):
        """Ten years at most, from 1900 on: the report names every month of the period."""
        Export = self.env["complaint.report.export"]
        for start, end in (("1899-12-31", "1900-06-30"), ("2016-01-01", "2026-01-02")):
            with self.subTest(period=(start, end)), self.assertRaises(ValidationError):
                Export.create({"date_from": start, "date_to": end})
        Export.create({"date_from": "1900-01-01", "date_to": "1910-01-01"})

    def test_monthly_workbook_readable_by_its_leader_only(self):
        self.team_a.leader_id = self.user_a1
        self.team_b.leader_id = new_test_user(self.env, login="cm_no_complaints", groups="base.group_user")
        with freeze_time("2026-04-02 05:00:00"):
            self.env["complaint.team"]._cron_mail_monthly_reports()
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "=", self.user_a1.partner_id.id), ("attachment_ids", "!=", False)]
        )
        self.assertFalse(mail.attachment_ids.res_model, "attached to no team: its readers may not read it")
        self.assertFalse(
            self.env["ir.attachment"].with_user(self.user_b1).search([("id", "in", mail.attachment_ids.ids)])
        )
        self.assertFalse(
            self.env["mail.mail"].search([("recipient_ids", "=", self.team_b.leader_id.partner_id.id)]),
            "a leader who does not work complaints gets no report, and blocks no other team",
        )
        self.assertTrue(self.team_b.report_sent_date)

    def test_monthly_mail_to_each_leader_once(self):
        self.team_a.leader_id = self.user_a1
        Team = self.env["complaint.team"]
        with freeze_time("2026-04-02 05:00:00"):
            Team._cron_mail_monthly_reports()
            Team._cron_mail_monthly_reports()
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "=", self.user_a1.partner_id.id), ("attachment_ids", "!=", False)]
        )
        self.assertEqual(len(mails), 1, "once a month")
        self.assertIn("01/01/2026 – 03/31/2026", mails.subject, "the three months before, by default")
        sheets, _files = read_workbook(mails.attachment_ids.raw)
        self.assertEqual(sheets["Summary"][0]["B4"], 4, "team A's March")


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintReportDownload(HttpCase):
    def test_download(self):
        """The download's address holds the request (a replica may not have the saved request
        yet): it answers each user with what their own rights show, and nobody else."""
        groups = "base.group_user,complaint_management.group_complaint_manager"
        user = new_test_user(self.env, login="cm_xlsx_a", groups=groups)
        new_test_user(self.env, login="cm_xlsx_staff", groups="base.group_user")
        team = self.env["complaint.team"].create({"name": "Report download team"})
        export = (
            self.env["complaint.report.export"]
            .with_user(user)
            .create({"date_from": "2026-01-01", "date_to": "2026-12-31", "team_ids": [Command.set(team.ids)]})
        )
        url = export.action_export()["url"]
        self.assertEqual(export._from_request(url_decode(urlsplit(url).query).to_dict()).team_ids._origin, team)
        self.authenticate("cm_xlsx_a", "cm_xlsx_a")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"), "an xlsx (zip) file")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        for bad in (
            "date_from=2026-12-31&date_to=2026-01-01",
            "date_from=2026-01-01",
            "date_from=x&date_to=y",
            "date_from=0001-01-01&date_to=9999-12-31",
            "date_from=2026-01-01&date_to=2026-12-31&team_ids=-",
            "date_from=2026-01-01&date_to=2026-12-31&team_ids=1,a",
        ):
            with self.subTest(query=bad):
                self.assertEqual(self.url_open(f"/complaints/report.xlsx?{bad}").status_code, 404)
        # staff without the complaints' access
        self.authenticate("cm_xlsx_staff", "cm_xlsx_staff")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(url).status_code, 403)
