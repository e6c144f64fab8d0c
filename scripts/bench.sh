#!/usr/bin/env bash
# make bench: the speed benchmarks of bench/, on a fresh database BENCH_DB; prints a table.
source "$(dirname "$0")/env.sh"
export BENCH_DB=${BENCH_DB:-complaints_bench}
require_odoo_src
ensure_postgres
ensure_venv
dropdb --if-exists "$BENCH_DB"
"$VENV/bin/python" "$ROOT/bench/core.py"
