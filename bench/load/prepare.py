"""The database of the load test: ours and the OCA peer installed side by side, 100 000 complaints
and 100 000 tickets (the rows of bench/versus_peer.py), and the people of the scenarios.

Run by bench/load/run.py with Odoo's interpreter; writes what the scenarios need to know (logins,
the records they open and their access tokens) to the JSON file given as its argument.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.environ["ODOO_SRC"])

from database import odoo_args  # noqa: E402
from versus_peer import Ours, Peer  # noqa: E402

import odoo  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

DB = os.environ.get("LOAD_BENCH_DB", "complaints_bench_load")
SIZE = int(os.environ.get("LOAD_BENCH_SIZE", "100000"))
# customers who log in to the portal, of the 50 that hold the rows (2 000 records each)
PORTAL_CUSTOMERS = 20
# records a customer opens, and links (with their access token) visitors follow, per side
OPENED = 400


def portal_users(env, partners, prefix):
    """A portal login (password: the login) for each of `partners`."""
    portal = env.ref("base.group_portal")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "partner_id": partner.id,
                    "login": f"{prefix}{i}",
                    "password": f"{prefix}{i}",
                    "groups_id": [(6, 0, portal.ids)],
                }
                for i, partner in enumerate(partners)
            ]
        )
    )
    return users.mapped("login")


def tokens(cr, table, partners):
    """`OPENED` records of `partners` with an access token, as a shared link gives them."""
    cr.execute(
        f"""
        UPDATE {table} SET access_token = md5(id::text || random()::text)
         WHERE id IN (SELECT id FROM {table} WHERE partner_id = ANY(%s) ORDER BY id DESC LIMIT %s)
        RETURNING id, access_token, partner_id""",
        [partners.ids, OPENED],
    )  # noqa: S608 - our table names
    return [{"id": row[0], "token": row[1], "partner": row[2]} for row in cr.fetchall()]


def main(fixture_path):
    odoo.tools.config.parse_config([*odoo_args(os.environ["PEER_ADDONS"]), "--log-level=warn", "--without-demo=all"])
    odoo.service.db._create_empty_database(DB)
    odoo.tools.config["init"] = {"complaint_management": 1, "helpdesk_mgmt_sla": 1}
    registry = Registry.new(DB, update_module=True)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"mail_notify_force_send": False})
        ours, peer = Ours(env), Peer(env)
        ours.fill_to(SIZE)
        peer.fill_to(SIZE)
        ours.agent.password = peer.agent.password = "bench"
        fixture = {
            "ours": {
                "customers": portal_users(env, ours.customers[:PORTAL_CUSTOMERS], "load_customer_"),
                "records": tokens(cr, "complaint_complaint", ours.customers[:PORTAL_CUSTOMERS]),
                "staff": ours.agent.login,
            },
            "peer": {
                "customers": portal_users(env, peer.customers[:PORTAL_CUSTOMERS], "load_peer_"),
                "records": tokens(cr, "helpdesk_ticket", peer.customers[:PORTAL_CUSTOMERS]),
                "staff": peer.agent.login,
            },
        }
        for side in ("ours", "peer"):
            logins = fixture[side]["customers"]
            users = env["res.users"].search([("login", "in", logins)])
            partner_login = {user.partner_id.id: user.login for user in users}
            for record in fixture[side]["records"]:
                record["login"] = partner_login[record.pop("partner")]
        cr.commit()
    with open(fixture_path, "w") as fixture_file:
        json.dump(fixture, fixture_file)


if __name__ == "__main__":
    main(sys.argv[1])
