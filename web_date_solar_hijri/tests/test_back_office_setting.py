from odoo.tests import HttpCase, new_test_user, tagged

from ..models.res_users import BACK_OFFICE_PARAM


@tagged("web_date_solar_hijri", "post_install", "-at_install")
class TestBackOfficeSetting(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.persian = new_test_user(cls.env, login="sh_persian", lang="fa_IR", groups="base.group_user")
        cls.english = new_test_user(cls.env, login="sh_english", lang="en_US", groups="base.group_user")
        cls.customer = new_test_user(cls.env, login="sh_customer", lang="fa_IR", groups="base.group_portal")

    def _session_says(self, login):
        self.authenticate(login, login)
        return self.make_jsonrpc_request("/web/session/get_session_info")["solar_hijri_dates"]

    def test_off_until_set_then_for_internal_users_who_work_in_persian(self):
        self.assertFalse(self._session_says("sh_persian"), "off by default")
        self.env["res.config.settings"].create({"solar_hijri_back_office": True}).execute()
        self.assertEqual(self.env["ir.config_parameter"].get_param(BACK_OFFICE_PARAM), "True")
        self.assertTrue(self._session_says("sh_persian"))
        self.assertFalse(self._session_says("sh_english"))
        self.assertFalse(self.customer._reads_solar_hijri_dates(), "the portal is not the back office")
        self.authenticate("sh_persian", "sh_persian")
        self.assertIn('"solar_hijri_dates": true', self.url_open("/odoo").text, "the web client's page")

    def test_setting_in_general_settings_in_persian(self):
        self.env["ir.module.module"]._load_module_terms(["web_date_solar_hijri"], ["fa_IR"])
        arch = self.env["res.config.settings"].with_context(lang="fa_IR").get_view()["arch"]
        self.assertIn('name="solar_hijri_back_office"', arch)
        self.assertIn("تقویم هجری شمسی", arch)
