#!/usr/bin/env bash
# make test: a throw-away database, install the addons with demo data, run every test
# (browser tours included), drop the database; then the customer pages on a real read replica
# (scripts/test_replica.sh, skipped when TEST_TAGS picks tests); print "N passed, N failed".
source "$(dirname "$0")/env.sh"
DB_NAME=${TEST_DB_NAME:-complaints_test_$$}
HTTP_PORT=${TEST_HTTP_PORT:-8169}
ADDONS=${ADDONS:-mail_render_qweb_cache,portal_accessibility,report_wkhtmltopdf_rtl,web_date_solar_hijri,sms_local_gateway,mail_gateway_bale,mail_gateway_whatsapp_api,complaint_management,complaint_management_sale,complaint_management_loyalty,complaint_management_livechat,complaint_management_mail_gateway,complaint_management_triage}
TEST_REPLICA=${TEST_REPLICA:-$([ -z "${TEST_TAGS:-}" ] && echo 1 || echo 0)}
TEST_TAGS=${TEST_TAGS:-/mail_render_qweb_cache,/portal_accessibility,/report_wkhtmltopdf_rtl,/web_date_solar_hijri,/sms_local_gateway,/mail_gateway_bale,/mail_gateway_whatsapp_api,/complaint_management,/complaint_management_sale,/complaint_management_loyalty,/complaint_management_livechat,/complaint_management_mail_gateway,/complaint_management_triage}

require_odoo_src
ensure_postgres
ensure_venv
command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
    die "no chromium on PATH: browser tours cannot run (apt-get install chromium)"

summary=$(mktemp)
trap 'drop_db "$DB_NAME"; rm -f "$summary"' EXIT
drop_db "$DB_NAME"

export ODOO_TEST_DB=$DB_NAME ODOO_TEST_ADDONS=$ADDONS ODOO_TEST_TAGS=$TEST_TAGS ODOO_TEST_HTTP_PORT=$HTTP_PORT
export PYTHONUNBUFFERED=1
set +e
"$VENV/bin/python" "$ROOT/scripts/run_tests.py" | tee "$summary"
rc=${PIPESTATUS[0]}
if [ "$TEST_REPLICA" = 1 ]; then
    "$ROOT/scripts/test_replica.sh" | tee -a "$summary"
    if [ "${PIPESTATUS[0]}" != 0 ]; then
        rc=1
        # it stopped before its tests (a server that would not start) or said nothing countable:
        # one failure
        grep -qE '^replica: [0-9]+ passed, [0-9]+ failed$' "$summary" ||
            echo "replica: 0 passed, 1 failed" | tee -a "$summary"
    fi
    # the lines "N passed, N failed" (Odoo's tests) and "replica: N passed, N failed", summed
    sed -nE 's/^(replica: )?([0-9]+) passed, ([0-9]+) failed$/\2 \3/p' "$summary" |
        awk '{ passed += $1; failed += $2 } END { printf "%d passed, %d failed\n", passed, failed }'
fi
exit "$rc"
