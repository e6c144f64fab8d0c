#!/usr/bin/env bash
# make bench: the speed benchmarks of bench/, each on a fresh database; prints their tables.
# BENCH=core, BENCH=portal, BENCH=sla, BENCH=peer, BENCH=reports, BENCH=load or BENCH=triage runs one of them.
source "$(dirname "$0")/env.sh"
BENCH=${BENCH:-}
export BENCH_DB=${BENCH_DB:-complaints_bench}
export PORTAL_BENCH_DB=${PORTAL_BENCH_DB:-complaints_bench_portal}
export SLA_BENCH_DB=${SLA_BENCH_DB:-complaints_bench_sla}
export REPORTS_BENCH_DB=${REPORTS_BENCH_DB:-complaints_bench_reports}
export PEER_BENCH_DB=${PEER_BENCH_DB:-complaints_bench_peer}
export LOAD_BENCH_DB=${LOAD_BENCH_DB:-complaints_bench_load}
export TRIAGE_BENCH_DB=${TRIAGE_BENCH_DB:-complaints_bench_triage}
# the OCA peer, from the package registry; its packages ask for an `odoo` distribution that is not there
PEER_PACKAGES=(odoo-addon-helpdesk-mgmt==18.0.1.19.5 odoo-addon-helpdesk-mgmt-sla==18.0.2.1.1)
export PEER_ADDONS=$ROOT/bench/out/peer/odoo/addons
require_odoo_src
ensure_postgres
ensure_venv
drop_db "$BENCH_DB"
drop_db "$PORTAL_BENCH_DB"
drop_db "$SLA_BENCH_DB"
drop_db "$REPORTS_BENCH_DB"
drop_db "$PEER_BENCH_DB"
drop_db "$TRIAGE_BENCH_DB"
[ -n "${LOAD_BENCH_REUSE:-}" ] || drop_db "$LOAD_BENCH_DB"
export ODOO_DATA_DIR
if [ -z "$BENCH" ] || [ "$BENCH" = core ]; then "$VENV/bin/python" "$ROOT/bench/core.py"; fi
if [ -z "$BENCH" ] || [ "$BENCH" = portal ]; then "$VENV/bin/python" "$ROOT/bench/portal.py"; fi
if [ -z "$BENCH" ] || [ "$BENCH" = sla ]; then "$VENV/bin/python" "$ROOT/bench/sla_cron.py"; fi
install_peer() {
    "$VENV/bin/pip" install --quiet --no-deps --upgrade --target "$ROOT/bench/out/peer" "${PEER_PACKAGES[@]}"
}
if [ -z "$BENCH" ] || [ "$BENCH" = peer ]; then
    install_peer
    "$VENV/bin/python" "$ROOT/bench/versus_peer.py"
fi
if [ -z "$BENCH" ] || [ "$BENCH" = reports ]; then "$VENV/bin/python" "$ROOT/bench/reports.py"; fi
if [ -z "$BENCH" ] || [ "$BENCH" = triage ]; then "$VENV/bin/python" "$ROOT/bench/triage.py"; fi
if [ -z "$BENCH" ] || [ "$BENCH" = load ]; then
    # locust in a virtualenv of its own: its gevent is not the one Odoo runs on
    [ -x "$ROOT/bench/out/locust/bin/locust" ] || python3 -m venv "$ROOT/bench/out/locust"
    "$ROOT/bench/out/locust/bin/pip" install --quiet -r "$ROOT/bench/load/requirements.txt"
    export LOCUST=$ROOT/bench/out/locust/bin/locust
    install_peer
    "$VENV/bin/python" "$ROOT/bench/load/run.py"
fi
