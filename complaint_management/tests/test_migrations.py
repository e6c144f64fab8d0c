import importlib.util
import logging
import pathlib
from contextlib import contextmanager

from odoo.tests import TransactionCase, tagged

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "migrations"


def migration(version, stage="post"):
    """The `migrate` function of one of the addon's migration scripts."""
    path = MIGRATIONS / version / f"{stage}-migration.py"
    spec = importlib.util.spec_from_file_location(f"complaint_management_migration_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def logged(logger):
    """The records `logger` logs in the block, [(level name, message)], as they go on to its other
    handlers."""
    records = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append((record.levelname, record.getMessage()))
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


@tagged("complaint_management", "post_install", "-at_install")
class TestMigrations(TransactionCase):
    """Migrations that rewrite what updates leave alone (templates, settings) say what they did, and
    say so when they find nothing to rewrite."""

    def _template_with(self, xmlid, text):
        template = self.env.ref(xmlid)
        template.with_context(lang="en_US").body_html = f"<p>{text}</p>"
        self.env.flush_all()
        return template

    def test_template_rewrites_replace_the_old_expression_or_warn(self):
        for version, xmlid in (
            ("18.0.1.3.0", "complaint_management.mail_template_complaint_acknowledgement"),
            ("18.0.1.4.0", "complaint_management.mail_template_complaint_sla_digest"),
            ("18.0.1.5.0", "complaint_management.mail_template_complaint_acknowledgement"),
        ):
            with self.subTest(version=version):
                script = migration(version)
                old, new = (script.OLD, script.NEW) if hasattr(script, "OLD") else (script.OLD_URL, script.NEW_URL)
                template = self._template_with(xmlid, f'<t t-out="{old}"/>')
                with logged(script._logger) as records:
                    script.migrate(self.env.cr, "18.0.1.0.0")
                self.assertEqual([level for level, _message in records], ["INFO"])
                template.invalidate_recordset()
                self.assertIn(new, template.body_html)
                self.assertNotIn(old, template.body_html)

                edited = self._template_with(xmlid, "Edited by hand")
                with logged(script._logger) as records:
                    script.migrate(self.env.cr, "18.0.1.0.0")
                self.assertEqual([level for level, _message in records], ["WARNING"])
                self.assertIn(new, records[0][1], "the warning says what to write")
                edited.invalidate_recordset()
                self.assertEqual(edited.body_html, "<p>Edited by hand</p>", "left as is")

    def test_staff_solar_hijri_setting_moves_to_web_date_solar_hijri(self):
        script = migration("18.0.1.13.0")
        params = self.env["ir.config_parameter"]
        params.set_param(script.OLD_PARAM, "True")
        params.set_param(script.NEW_PARAM, False)
        script.migrate(self.env.cr, "18.0.1.12.0")
        self.assertEqual(params.get_param(script.NEW_PARAM), "True")
        self.assertFalse(params.search([("key", "=", script.OLD_PARAM)]))
        with logged(script._logger) as records:
            script.migrate(self.env.cr, "18.0.1.12.0")
        self.assertEqual(records, [("INFO", "Staff read Gregorian dates: nothing to move")])
        self.assertEqual(params.get_param(script.NEW_PARAM), "True", "a second run changes nothing")
