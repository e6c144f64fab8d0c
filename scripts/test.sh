#!/usr/bin/env bash
# make test: a throw-away database, install the addons with demo data, run every test
# (browser tours included), drop the database, print "N passed, N failed".
source "$(dirname "$0")/env.sh"
DB_NAME=${TEST_DB_NAME:-complaints_test_$$}
HTTP_PORT=${TEST_HTTP_PORT:-8169}
ADDONS=${ADDONS:-mail_render_qweb_cache,complaint_management,complaint_management_sale,complaint_management_loyalty,complaint_management_livechat}
TEST_TAGS=${TEST_TAGS:-/mail_render_qweb_cache,/complaint_management,/complaint_management_sale,/complaint_management_loyalty,/complaint_management_livechat}

require_odoo_src
ensure_postgres
ensure_venv
command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
    die "no chromium on PATH: browser tours cannot run (apt-get install chromium)"

trap 'drop_db "$DB_NAME"' EXIT
drop_db "$DB_NAME"

export ODOO_TEST_DB=$DB_NAME ODOO_TEST_ADDONS=$ADDONS ODOO_TEST_TAGS=$TEST_TAGS ODOO_TEST_HTTP_PORT=$HTTP_PORT
"$VENV/bin/python" "$ROOT/scripts/run_tests.py"
