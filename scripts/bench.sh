#!/usr/bin/env bash
# make bench: the speed benchmarks of bench/, on a fresh database BENCH_DB; prints a table.
source "$(dirname "$0")/env.sh"
export BENCH_DB=${BENCH_DB:-complaints_bench}
require_odoo_src
ensure_postgres
ensure_venv
drop_db "$BENCH_DB"
export ODOO_DATA_DIR
"$VENV/bin/python" "$ROOT/bench/core.py"
