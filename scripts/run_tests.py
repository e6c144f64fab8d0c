"""Installs the addons in a fresh database with their tests and prints "N passed, N failed".

Odoo logs every failure but prints no total; this runs Odoo's own test machinery in-process
and reads its result object, so a skipped test (a tour without a browser, say) counts as failed.
"""

import os
import sys

sys.path.insert(0, os.environ["ODOO_SRC"])

import odoo  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402
from odoo.service import server  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    db = os.environ["ODOO_TEST_DB"]
    addons = os.environ["ODOO_TEST_ADDONS"]
    odoo.tools.config.parse_config(
        [
            f"--addons-path={os.environ['ODOO_ADDONS_PATH']}",
            f"--db_host={os.environ['PGHOST']}",
            f"--db_port={os.environ['PGPORT']}",
            f"--db_user={os.environ['PGUSER']}",
            f"--data-dir={os.environ.get('ODOO_DATA_DIR', os.path.join(ROOT, '.odoo-data'))}",
            f"--http-port={os.environ['ODOO_TEST_HTTP_PORT']}",
            f"--database={db}",
            f"--init={addons}",
            f"--test-tags={os.environ['ODOO_TEST_TAGS']}",
            "--stop-after-init",
            "--max-cron-threads=0",
        ]
    )
    try:
        odoo.service.db._create_empty_database(db)
        rc = server.start(preload=[db], stop=True)
    except Exception as error:  # noqa: BLE001 - whatever broke, the closing line must be printed
        print(f"the test database could not be set up: {error}")
        rc = 1
    report = Registry.registries[db]._assertion_report if db in Registry.registries else None
    if report is None:
        print("0 passed, 1 failed")
        return 1
    # errors in setUpClass count in errors_count, not in testsRun
    failed = report.failures_count + report.errors_count + report.skipped
    passed = max(report.testsRun - report.failures_count - report.errors_count - report.skipped, 0)
    if report.skipped:
        print(f"{report.skipped} test(s) skipped: a skipped test counts as failed")
    if rc and not failed:
        print("Odoo reported a failure outside the tests (see the log above)")
        failed = 1
    # Odoo installs an addon whose demo data fails without it, with a warning only
    with Registry.registries[db].cursor() as cr:
        cr.execute("SELECT m.name FROM ir_demo_failure f JOIN ir_module_module m ON m.id = f.module_id")
        without_demo = [name for (name,) in cr.fetchall()]
    if without_demo:
        print(f"installed without their demo data (see the log above): {', '.join(without_demo)}")
        failed += len(without_demo)
    print(f"{passed} passed, {failed} failed")
    return 1 if (failed or not report.testsRun) else 0


if __name__ == "__main__":
    sys.exit(main())
