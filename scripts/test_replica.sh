#!/usr/bin/env bash
# Part of make test: the customer pages on a real read replica. Starts a private PostgreSQL
# primary and a standby streaming from it (pg_basebackup), then scripts/replica_test.py installs
# complaint_management on the primary and serves it with Odoo's --db_replica_host pointing at the
# standby. Prints "replica: N passed, N failed".
#
# Settings: REPLICA_PGPORT (the primary's port, default 25434; the standby takes the next one),
# REPLICA_HTTP_PORT (default 8189), REPLICA_LOG_DIR (default .odoo-data/replica).
source "$(dirname "$0")/env.sh"
REPLICA_PGPORT=${REPLICA_PGPORT:-25434}  # below the ephemeral ports, as PRIVATE_PGPORT
STANDBY_PGPORT=$((REPLICA_PGPORT + 1))
REPLICA_LOG_DIR=${REPLICA_LOG_DIR:-$ODOO_DATA_DIR/replica}

require_odoo_src
ensure_venv
pg_bin=$(dirname "$(readlink -f "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")")
if [ ! -x "$pg_bin/initdb" ]; then
    echo "initdb not found: the replica test needs PostgreSQL's server binaries (apt-get install postgresql)"
    echo "replica: 0 passed, 1 failed"
    exit 1
fi

primary=$ROOT/.pgdata/replica-primary
standby=$ROOT/.pgdata/replica-standby
stop_servers() {
    local data
    for data in "$standby" "$primary"; do
        [ -f "$data/postmaster.pid" ] && as_cluster_owner "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
    done
    rm -rf "$primary" "$standby" "$REPLICA_LOG_DIR/filestore"
}
# a run that was killed may have left its servers: stop them
set_cluster_owner
stop_servers
mkdir -p "$REPLICA_LOG_DIR"
rm -f "$REPLICA_LOG_DIR/odoo.log"
trap stop_servers EXIT
start_server() {  # data folder, port
    as_cluster_owner "$pg_bin/pg_ctl" -D "$1" -l "$ROOT/.pgdata/replica-$2.log" -w \
        -o "-h 127.0.0.1 -p $2 -k $ROOT/.pgdata" start >/dev/null
}
# initdb's defaults stream: wal_level replica, WAL senders, replication trusted on the loopback
init_cluster "$primary" "$pg_bin/initdb"
start_server "$primary" "$REPLICA_PGPORT"
as_cluster_owner "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$REPLICA_PGPORT" -U odoo -D "$standby" \
    --write-recovery-conf --wal-method=stream
# replayed a second late, as a busy replica may be: a page read there right after a write misses it
echo "recovery_min_apply_delay = '1s'" >> "$standby/postgresql.auto.conf"
start_server "$standby" "$STANDBY_PGPORT"

export REPLICA_PGPORT STANDBY_PGPORT REPLICA_LOG_DIR REPLICA_HTTP_PORT=${REPLICA_HTTP_PORT:-8189}
"$VENV/bin/python" "$ROOT/scripts/replica_test.py"
