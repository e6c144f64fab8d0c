"""What every benchmark starts from: Odoo's options and a new database with the addon, no demo data.

Imported after the benchmark put ODOO_SRC on sys.path.
"""

import os

import odoo
from odoo.modules.registry import Registry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def odoo_args(*more_addons):
    """Odoo's command-line options for this checkout (and `more_addons` folders) and the PostgreSQL
    of `scripts/env.sh`."""
    addons = ",".join([f"{os.environ['ODOO_SRC']}/addons", f"{os.environ['ODOO_SRC']}/odoo/addons", ROOT, *more_addons])
    return [
        f"--addons-path={addons}",
        f"--db_host={os.environ['PGHOST']}",
        f"--db_port={os.environ['PGPORT']}",
        f"--db_user={os.environ['PGUSER']}",
        f"--data-dir={os.environ['ODOO_DATA_DIR']}",
    ]


def new_database(name):
    """Create database `name` with complaint_management installed, without demo data; its registry."""
    odoo.tools.config.parse_config([*odoo_args(), "--log-level=warn", "--without-demo=all"])
    odoo.service.db._create_empty_database(name)
    odoo.tools.config["init"] = {"complaint_management": 1}
    return Registry.new(name, update_module=True)
