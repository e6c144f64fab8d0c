from odoo.tests import TransactionCase, tagged

from ..models.ir_actions_report import wkhtmltopdf_on_unpatched_qt


@tagged("report_wkhtmltopdf_rtl", "post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_settings_say_which_wkhtmltopdf_prints(self):
        Settings = self.env["res.config.settings"]
        self.assertIn('name="report_wkhtmltopdf_unpatched_qt"', Settings.get_view()["arch"])
        self.assertEqual(Settings.new({}).report_wkhtmltopdf_unpatched_qt, wkhtmltopdf_on_unpatched_qt())
        # as the settings page opens: its fields, the company (in the page) among them
        values = Settings.onchange({}, [], {"company_id": {}, "report_wkhtmltopdf_unpatched_qt": {}})["value"]
        self.assertEqual(
            values.get("report_wkhtmltopdf_unpatched_qt"),
            wkhtmltopdf_on_unpatched_qt(),
            "the settings page opens with it",
        )

    def test_warning_in_persian(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["report_wkhtmltopdf_rtl"], ["fa_IR"])
        arch = self.env["res.config.settings"].with_context(lang="fa_IR").get_view()["arch"]
        self.assertIn("Qt وصله‌شده را نصب کنید", arch)
