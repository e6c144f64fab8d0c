import re

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

# this addon and its bridges, each with its own i18n/fa.po
ADDONS = (
    "complaint_management",
    "complaint_management_sale",
    "complaint_management_loyalty",
    "complaint_management_livechat",
)
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdf]|%[sdf]|\{\{.*?\}\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9_.-]*)")


@tagged("post_install", "-at_install")
class TestPersianTranslation(TransactionCase):
    """Every term the code and data of each installed addon offer for translation has a Persian
    translation in its fa.po: not missing, not empty, not fuzzy, placeholders and tags kept."""

    def _installed_addons(self):
        installed = self.env["ir.module.module"].search([("name", "in", ADDONS), ("state", "=", "installed")])
        return installed.mapped("name")

    def test_every_term_has_a_persian_translation(self):
        for addon in self._installed_addons():
            with self.subTest(addon=addon):
                po = polib.pofile(file_path(f"{addon}/i18n/fa.po"))
                translations = {entry.msgid: entry for entry in po if not entry.obsolete}
                terms = {
                    source
                    for _module, _type, _name, _id, source, _value, _comments in TranslationModuleReader(
                        self.env.cr, modules=[addon]
                    )
                }
                missing = sorted(
                    term[:80] for term in terms if not (term in translations and translations[term].msgstr.strip())
                )
                self.assertFalse(missing, f"{addon}/i18n/fa.po lacks {len(missing)} terms: {missing[:10]}")
                fuzzy = [entry.msgid[:80] for entry in po if "fuzzy" in entry.flags]
                self.assertFalse(fuzzy, f"{addon}/i18n/fa.po has fuzzy entries: {fuzzy[:10]}")

    def test_translations_keep_placeholders_and_markup(self):
        files = [f"{addon}/i18n/fa.po" for addon in self._installed_addons()]
        files.append("complaint_management/i18n_extra/fa.po")  # Odoo's own terms our pages show
        for path in files:
            po = polib.pofile(file_path(path))
            for entry in po.translated_entries():
                for pattern in (PLACEHOLDER, TAG):
                    with self.subTest(file=path, msgid=entry.msgid[:60]):
                        self.assertEqual(sorted(pattern.findall(entry.msgid)), sorted(pattern.findall(entry.msgstr)))
