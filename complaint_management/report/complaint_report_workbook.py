import xlsxwriter

from odoo.addons.web_date_solar_hijri.tools import solar_hijri_numeric, uses_solar_hijri


class ComplaintReportWorkbook:
    """The management report as an Excel workbook: summary, trend, categories, products, SLA,
    agents, repeat customers and the complaints themselves, written from a request
    (complaint.report.export), which reads the figures; the complaints' rows are streamed."""

    def __init__(self, request):
        self.request = request
        self.env = request.env

    def write_to(self, file):
        """Write the workbook into `file` (a path or a binary file object), streaming its rows."""
        self.env["complaint.report"]._without_jit()
        workbook = xlsxwriter.Workbook(file, {"constant_memory": True, "strings_to_urls": False})
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#E9ECEF", "border": 1}),
            "int": workbook.add_format({"num_format": "#,##0"}),
            "hours": workbook.add_format({"num_format": "#,##0.0"}),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        rtl = self.env["res.lang"]._get_data(code=self.env.lang or "en_US").direction == "rtl"
        month_group, month_name = self.request._month_group()
        total, (months, categories, products, teams, agents) = self.request._aggregates(
            [
                month_group,
                self.request._name_of("complaint.category", "category_id"),
                self.request._name_of("product.product", "product_id"),
                self.request._name_of("complaint.team", "team_id"),
                self.request._name_of("res.users", "user_id"),
            ]
        )
        self._sheet_summary(workbook, formats, rtl, total)
        self._sheet_groups(
            workbook, formats, rtl, self.env._("Trend"), self.env._("Month"), months, chart=True, name_group=month_name
        )
        self._sheet_groups(workbook, formats, rtl, self.env._("Categories"), self.env._("Category"), categories)
        self._sheet_groups(workbook, formats, rtl, self.env._("Products"), self.env._("Product"), products)
        self._sheet_groups(workbook, formats, rtl, self.env._("SLA"), self.env._("Team"), teams)
        self._sheet_groups(workbook, formats, rtl, self.env._("Agents"), self.env._("Agent"), agents)
        self._sheet_repeat_customers(workbook, formats, rtl)
        self._sheet_complaints(workbook, formats, rtl)
        workbook.close()

    def _new_sheet(self, workbook, name, rtl):
        sheet = workbook.add_worksheet(name[:31])
        if rtl:
            sheet.right_to_left()
        return sheet

    def _sheet_summary(self, workbook, formats, rtl, total):
        sheet = self._new_sheet(workbook, self.env._("Summary"), rtl)
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 1, 16)
        sheet.write(0, 0, self.env._("Complaint management report"), formats["title"])
        sheet.write(1, 0, self.env._("Period"))
        sheet.write(1, 1, self.request._period_text())
        count, resolved, mean, median, fcr, repeat, sla_met, csat, compensation = total
        open_count = self.request._open_count()
        lines = [
            (self.env._("Complaints received"), count, "int"),
            (self.env._("Still open"), open_count, "int"),
            (self.env._("Resolved"), resolved, "int"),
            (self.env._("Mean time to resolve (hours)"), mean, "hours"),
            (self.env._("Median time to resolve (hours)"), median, "hours"),
            (self.env._("First-contact resolution"), _share(fcr), "percent"),
            (self.env._("Repeat complaints"), _share(repeat), "percent"),
            (self.env._("SLA compliance"), _share(sla_met), "percent"),
            (self.env._("Customer satisfaction (CSAT)"), _share(csat), "percent"),
            (self.env._("Compensation paid"), compensation, "money"),
        ]
        for index, (label, value, kind) in enumerate(lines, start=3):
            sheet.write(index, 0, label)
            sheet.write(index, 1, value if value is not None else "", formats[kind])

    def _date_cell(self, sheet, row, col, value, formats):
        """A local datetime: a date cell, or in Persian a sortable Solar Hijri text."""
        if uses_solar_hijri(self.env.lang):
            sheet.write_string(row, col, solar_hijri_numeric(value))
        else:
            sheet.write_datetime(row, col, value, formats["date"])

    def _sheet_groups(self, workbook, formats, rtl, title, key_label, rows, chart=False, name_group=None):
        sheet = self._new_sheet(workbook, title, rtl)
        headers = [
            key_label,
            self.env._("Complaints"),
            self.env._("Resolved"),
            self.env._("Mean hours to resolve"),
            self.env._("Median hours to resolve"),
            self.env._("First-contact resolution"),
            self.env._("Repeat"),
            self.env._("SLA compliance"),
            self.env._("CSAT"),
            self.env._("Compensation"),
        ]
        kinds = [None, "int", "int", "hours", "hours", "percent", "percent", "percent", "percent", "money"]
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, len(headers) - 1, 14)
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        if chart:
            rows = sorted(rows, key=lambda row: row[0])
        for row_index, row in enumerate(rows, start=1):
            for col, (value, kind) in enumerate(zip(row[:10], kinds, strict=True)):
                if col == 0:
                    label = name_group(value) if name_group and value is not None else value
                    sheet.write(row_index, 0, label if label is not None else self.env._("Undefined"))
                elif value is not None:
                    sheet.write(row_index, col, value / 100 if kind == "percent" else value, formats[kind])
        if chart and rows:
            line = workbook.add_chart({"type": "line"})
            sheet_ref = title[:31]
            line.add_series(
                {
                    "name": self.env._("Complaints"),
                    "categories": [sheet_ref, 1, 0, len(rows), 0],
                    "values": [sheet_ref, 1, 1, len(rows), 1],
                    "marker": {"type": "circle"},
                }
            )
            line.add_series({"name": self.env._("Resolved"), "values": [sheet_ref, 1, 2, len(rows), 2]})
            line.set_title({"name": self.env._("Complaints per month")})
            line.set_legend({"position": "bottom"})
            sheet.insert_chart(len(rows) + 3, 0, line)

    def _sheet_repeat_customers(self, workbook, formats, rtl):
        sheet = self._new_sheet(workbook, self.env._("Repeat customers"), rtl)
        headers = [self.env._("Customer"), self.env._("Complaints"), self.env._("Repeats"), self.env._("Last received")]
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 3, 16)
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        rows = self.request._repeat_customer_rows()
        for row_index, (name, count, repeats, last) in enumerate(rows, start=1):
            sheet.write(row_index, 0, name or "")
            sheet.write(row_index, 1, count, formats["int"])
            sheet.write(row_index, 2, repeats, formats["int"])
            self._date_cell(sheet, row_index, 3, last, formats)

    def _sheet_complaints(self, workbook, formats, rtl):
        sheet = self._new_sheet(workbook, self.env._("Complaints"), rtl)
        headers = [
            self.env._("Tracking code"),
            self.env._("Received"),
            self.env._("Customer"),
            self.env._("Category"),
            self.env._("Product"),
            self.env._("Team"),
            self.env._("Assigned to"),
            self.env._("Stage"),
            self.env._("Hours to resolve"),
            self.env._("First-contact resolution"),
            self.env._("SLA met"),
            self.env._("CSAT"),
        ]
        sheet.set_column(0, 1, 18)
        sheet.set_column(2, 7, 22)
        sheet.set_column(8, 11, 14)
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        # typed writes: a sheet's write() guesses each cell's type, a third of the export's time
        for row_index, row in enumerate(self.request._complaint_rows(), start=1):
            code, received, *names, hours, fcr, sla_met, csat = row
            sheet.write_string(row_index, 0, code)
            self._date_cell(sheet, row_index, 1, received, formats)
            for col, name in enumerate(names, start=2):
                if name:
                    sheet.write_string(row_index, col, name)
            if hours is not None:
                sheet.write_number(row_index, 8, hours, formats["hours"])
            for col, value in ((9, fcr), (10, sla_met), (11, csat)):
                if value is not None:
                    sheet.write_number(row_index, col, value / 100, formats["percent"])


def _share(percent):
    return percent / 100 if percent is not None else None
