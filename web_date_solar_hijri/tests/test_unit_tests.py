import logging
import re

from odoo.tests import HttpCase, tagged

from odoo.addons.web.tests.test_js import unit_test_error_checker

# every Hoot test of static/tests/, none of another addon
UNIT_TESTS = 18


class _Messages(logging.Handler):
    """The messages logged, as they go on to the other handlers."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@tagged("web_date_solar_hijri", "post_install", "-at_install")
class TestSolarHijriUnitTests(HttpCase):
    def test_unit_tests(self):
        """The addon's Hoot tests (static/tests/*.test.js): the calendar's arithmetic, dates written
        and read in the user's format, list cells and fields, the date picker."""
        browser_log = logging.getLogger(__name__)
        messages = _Messages()
        browser_log.addHandler(messages)
        try:
            self.browser_js(
                "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&filter=%40web_date_solar_hijri",
                "",
                "",
                login="admin",
                timeout=300,
                success_signal="[HOOT] test suite succeeded",
                error_checker=unit_test_error_checker,
            )
        finally:
            browser_log.removeHandler(messages)
        ran = [int(count) for count in re.findall(r"passed (\d+) tests", "\n".join(messages.messages))]
        self.assertEqual(ran, [UNIT_TESTS])
