from lxml import html

from odoo.tests import HttpCase, new_test_user, tagged

SEARCHBAR_VALUES = {
    "searchbar_inputs": {"all": {"input": "all", "label": "All"}},
    "search_in": "all",
    "search": "",
    "default_url": "/my",
    "pager": {},
    "searchbar_sortings": {},
    "searchbar_filters": {},
    "searchbar_groupby": {},
}


@tagged("portal_accessibility", "post_install", "-at_install")
class TestPortalPages(HttpCase):
    """Odoo's portal pages as a screen reader reads them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = new_test_user(cls.env, login="pa_customer", groups="base.group_portal")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["portal_accessibility"], ["fa_IR"])

    def _home(self):
        self.authenticate("pa_customer", "pa_customer")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.content)

    def test_page_says_its_language_and_direction(self):
        for lang, code, direction in (("en_US", "en-US", "ltr"), ("fa_IR", "fa-IR", "rtl")):
            with self.subTest(lang=lang):
                self.customer.lang = lang
                page = self._home()
                self.assertEqual((page.get("lang"), page.get("dir")), (code, direction))

    def test_logo_named_after_the_company(self):
        logo = self._home().xpath("//a[hasclass('navbar-brand')]/img")[0]
        self.assertEqual(logo.get("alt"), self.env.company.name)

    def test_home_pictograms_decorative(self):
        icons = self._home().xpath("//div[hasclass('o_portal_icon')]/img")
        self.assertTrue(icons, "the portal's home shows its entries' pictograms")
        self.assertEqual({icon.get("role") for icon in icons}, {"presentation"})

    def test_search_bar_buttons_named(self):
        for lang, names in (("en_US", ["Search in", "Search"]), ("fa_IR", ["جستجو در", "جستجو"])):
            with self.subTest(lang=lang):
                page = html.fromstring(
                    self.env["ir.qweb"].with_context(lang=lang)._render("portal.portal_searchbar", SEARCHBAR_VALUES)
                )
                buttons = page.xpath("//form[hasclass('o_portal_search_panel')]//button")
                self.assertEqual([button.get("aria-label") for button in buttons], names)

    def test_chatter_styles_and_templates_in_the_portal_bundles(self):
        for bundle, extension in (("portal.assets_chatter", "xml"), ("portal.assets_chatter_style", "scss")):
            with self.subTest(bundle=bundle):
                paths = [path for path, *_rest in self.env["ir.asset"]._get_asset_paths(bundle, {})]
                self.assertIn(f"/portal_accessibility/static/src/chatter/portal_chatter.{extension}", paths)
