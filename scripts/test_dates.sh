#!/usr/bin/env bash
# make test-dates: the whole suite (browser tours included) once per hard date, with the clock of
# every process set to that date by libfaketime (Debian's faketime package): Odoo, the Chromium it
# drives for the tours, wkhtmltopdf and a private PostgreSQL server started for the run, so that
# Python's clock, the browser's and SQL's now() agree. Prints one line per date and exits non-zero
# when a date fails. Not part of CI: it runs the suite six times.
#
# The clock is set as an offset from the real one (FAKETIME="+Ns"), not as a fixed start time:
# with a start time each process would start its own clock there when it starts, and they would
# drift apart by the minutes between their starts. The monotonic clock is shifted too: with
# FAKETIME_DONT_FAKE_MONOTONIC=1, libfaketime 0.9.10 answers Python's time.sleep() (an absolute
# clock_nanosleep on the monotonic clock) with EINVAL, so Odoo reports "chromium not found", and
# Chromium's processes spin at full CPU.
#
# Settings: TEST_DATES (a subset of the labels below, space-separated), DATES_PGPORT (the private
# server's port, default 55433), DATES_LOG_DIR (one log per date, default .odoo-data/test-dates).
source "$(dirname "$0")/env.sh"
DATES_PGPORT=${DATES_PGPORT:-55433}
DATES_LOG_DIR=${DATES_LOG_DIR:-$ODOO_DATA_DIR/test-dates}

# label | time zone of the wall clock | local date and time
HARD_DATES=(
    "month-start|UTC|2027-02-01 00:30"                 # the browser's and the server's zone: no day of February behind
    "month-start-tehran|Asia/Tehran|2027-02-01 00:30"  # still 31 January in UTC
    "year-end|UTC|2026-12-31 23:30"                    # already 1 January in Tehran
    "leap-day|UTC|2028-02-29 12:00"
    "esfand-end|Asia/Tehran|2027-03-20 23:30"          # 29 Esfand 1405, Nowruz at midnight
    "after-dst|Europe/Brussels|2027-03-29 09:00"       # the Monday after summer time began
)

require_odoo_src
ensure_venv
libfaketime=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
[ -n "$libfaketime" ] || die "libfaketime not found: apt-get install faketime"
pg_bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")
[ -x "$pg_bin/initdb" ] || die "initdb not found: the dates run needs its own PostgreSQL server (apt-get install postgresql)"

data=$ROOT/.pgdata/dates
mkdir -p "$DATES_LOG_DIR"
init_cluster "$data" "$pg_bin/initdb"
stop_server() { as_cluster_owner "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true; }
trap stop_server EXIT

wanted=${TEST_DATES:-}
failures=0
results=()
for entry in "${HARD_DATES[@]}"; do
    IFS="|" read -r label zone wall <<< "$entry"
    if [ -n "$wanted" ] && [[ " $wanted " != *" $label "* ]]; then
        continue
    fi
    target=$(date -d "TZ=\"$zone\" $wall" +%s)
    offset=$((target - $(date +%s)))
    log=$DATES_LOG_DIR/$label.log
    stop_server
    as_cluster_owner env FAKETIME="+${offset}s" LD_PRELOAD="$libfaketime" \
        "$pg_bin/pg_ctl" -D "$data" -l "$ROOT/.pgdata/dates-server.log" -w \
        -o "-h 127.0.0.1 -p $DATES_PGPORT -k $ROOT/.pgdata" start >/dev/null
    started=$(date +%s)
    set +e
    PGHOST=127.0.0.1 PGPORT=$DATES_PGPORT PGUSER=odoo TEST_REPLICA=0 \
        FAKETIME="+${offset}s" LD_PRELOAD="$libfaketime" \
        "$ROOT/scripts/test.sh" > "$log" 2>&1
    rc=$?
    set -e
    clock=$(grep -m 1 -oE '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}' "$log" || echo "?")
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    line=$(printf '%-18s %-16s %s (%s; Odoo logged %s UTC): %s, %ss, exit %s' "$label" "$zone" "$wall" \
        "$(TZ=UTC date -d "@$target" '+%a %F %H:%M UTC')" "$clock" "${summary:-no result}" \
        "$(($(date +%s) - started))" "$rc")
    echo "$line"
    results+=("$line")
    [ "$rc" = 0 ] || failures=$((failures + 1))
done
echo
printf '%s\n' "${results[@]}"
echo "logs: $DATES_LOG_DIR"
[ "$failures" = 0 ]
