# Sourced by the other scripts: finds Odoo's source, the virtualenv and a PostgreSQL server.
# Settings (environment variables): ODOO_SRC, PG* (PGHOST, PGPORT, PGUSER), PRIVATE_PGPORT,
# HTTP_PORT, DB_NAME, ODOO_DATA_DIR.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo}
VENV=${VENV:-$ROOT/.venv}
# below the ephemeral ports (32768-60999) that client sockets take: a server there may find its port held
PRIVATE_PGPORT=${PRIVATE_PGPORT:-25432}
ODOO_DATA_DIR=${ODOO_DATA_DIR:-$ROOT/.odoo-data}
export ODOO_SRC VENV

die() { echo "error: $*" >&2; exit 1; }

require_odoo_src() {
    [ -x "$ODOO_SRC/odoo-bin" ] && [ -d "$ODOO_SRC/addons/mail" ] ||
        die "no Odoo 18.0 source at ODOO_SRC=$ODOO_SRC: set ODOO_SRC to the folder holding odoo-bin"
}

# The Python that builds .venv: Odoo 18 and its pins want 3.11 or 3.12 (PYTHON overrides).
find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3.11 python3.12 python3; do
        if command -v "$candidate" >/dev/null &&
            "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))'; then
            echo "$candidate"
            return
        fi
    done
    die "no Python 3.11 or 3.12 found: install one, or set PYTHON to its path"
}

# Creates .venv with the pinned packages when requirements.txt changed since the last install,
# and the pinned OCA addons of requirements-oca.txt in $OCA_ADDONS (see ensure_oca_addons).
ensure_venv() {
    local stamp="$VENV/.requirements.sha"
    local want
    want=$(sha256sum "$ROOT/requirements.txt" | cut -d' ' -f1)
    if [ ! -x "$VENV/bin/python" ]; then
        "$(find_python)" -m venv "$VENV"
    fi
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        "$VENV/bin/pip" install -q --disable-pip-version-check --upgrade pip wheel setuptools
        "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/requirements.txt"
        echo "$want" > "$stamp"
    fi
    ensure_oca_addons
    ensure_node_tools
}

# OCA addons come from the package registry, pinned; their wheels require an `odoo` distribution
# that does not exist (Odoo is its source tree), so they are installed without dependencies (ours
# are pinned in requirements.txt) into a folder of their own, which is on the addons path.
OCA_ROOT=$VENV/oca
OCA_ADDONS=$OCA_ROOT/odoo/addons
ensure_oca_addons() {
    local stamp="$OCA_ROOT/.requirements.sha"
    local want
    want=$(sha256sum "$ROOT/requirements-oca.txt" | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        rm -rf "$OCA_ROOT"
        "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps --target "$OCA_ROOT" \
            -r "$ROOT/requirements-oca.txt"
        echo "$want" > "$stamp"
    fi
}

# Installs the npm tools of package-lock.json (rtlcss: Odoo's right-to-left stylesheets) when the
# lock changed since the last install, and puts them on PATH, where Odoo looks for them.
ensure_node_tools() {
    local stamp="$ROOT/node_modules/.lock.sha"
    local want
    want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        if ! command -v npm >/dev/null; then
            echo "warning: npm not found: right-to-left (Persian) pages keep left-to-right styles" >&2
            return
        fi
        (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        echo "$want" > "$stamp"
    fi
    export PATH="$ROOT/node_modules/.bin:$PATH"
}

pg_reachable() { pg_isready -q -h "$1" -p "$2" >/dev/null 2>&1; }

# A server we can log in to without a password (as $3, default the current user).
pg_usable() { psql -h "$1" -p "$2" -U "${3:-$(id -un)}" -d postgres -w -tAc 'SELECT 1' >/dev/null 2>&1; }

# Makes the data folder $1 of a cluster under .pgdata/ with initdb ($2, default initdb on PATH)
# when it is new, owned by CLUSTER_OWNER (see set_cluster_owner).
init_cluster() {
    local data=$1 initdb=${2:-initdb}
    set_cluster_owner
    if [ ! -f "$data/PG_VERSION" ]; then
        as_cluster_owner "$initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C >/dev/null
    fi
}

# Sets CLUSTER_OWNER, the user who owns the clusters under .pgdata/ (made here when new) and whom
# as_cluster_owner runs a command as. PostgreSQL refuses to run as root: as root, the clusters
# belong to the 'postgres' system user.
set_cluster_owner() {
    CLUSTER_OWNER=$(id -un)
    mkdir -p "$ROOT/.pgdata"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$ROOT/.pgdata" postgres
        CLUSTER_OWNER=postgres
        chown postgres "$ROOT/.pgdata"
        runuser -u postgres -- test -x "$ROOT/.pgdata" ||
            die "user postgres cannot reach $ROOT/.pgdata: clone the repository where it can, or set PG* variables"
    fi
}

as_cluster_owner() {
    if [ "$CLUSTER_OWNER" = "$(id -un)" ]; then "$@"; else runuser -u "$CLUSTER_OWNER" -- "$@"; fi
}

# A private cluster under .pgdata/, for machines where no PostgreSQL runs.
start_private_cluster() {
    command -v initdb >/dev/null || die "no PostgreSQL reachable and initdb not installed: set PGHOST/PGPORT/PGUSER, or install PostgreSQL"
    local data="$ROOT/.pgdata/data"
    init_cluster "$data"
    if ! pg_reachable 127.0.0.1 "$PRIVATE_PGPORT"; then
        as_cluster_owner pg_ctl -D "$data" -l "$ROOT/.pgdata/server.log" -w \
            -o "-h 127.0.0.1 -p $PRIVATE_PGPORT -k $ROOT/.pgdata" start >/dev/null
    fi
    export PGHOST=127.0.0.1 PGPORT=$PRIVATE_PGPORT PGUSER=odoo
}

# Sets PGHOST/PGPORT/PGUSER: from the environment, else 127.0.0.1:5432 when we can log in
# there, else a private cluster.
ensure_postgres() {
    if [ -n "${PGHOST:-}" ] || [ -n "${PGPORT:-}" ]; then
        pg_usable "${PGHOST:-127.0.0.1}" "${PGPORT:-5432}" "${PGUSER:-}" ||
            die "cannot log in to PostgreSQL at PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}: start it or fix PG* variables"
        export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
    elif pg_usable 127.0.0.1 5432 "${PGUSER:-}"; then
        export PGHOST=127.0.0.1 PGPORT=5432
    elif pg_reachable 127.0.0.1 "$PRIVATE_PGPORT"; then
        export PGHOST=127.0.0.1 PGPORT=$PRIVATE_PGPORT PGUSER=odoo
    else
        start_private_cluster
    fi
    export PGUSER=${PGUSER:-$(id -un)}
    [ "$PGUSER" != postgres ] || die "Odoo refuses the database user 'postgres': set PGUSER to another role"
}

addons_path() { echo "$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$OCA_ADDONS,$ROOT"; }
export ODOO_ADDONS_PATH=$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$OCA_ADDONS,$ROOT

odoo() {
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$(addons_path)" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" \
        --data-dir="$ODOO_DATA_DIR" "$@"
}

# the name goes to PostgreSQL as a value, never into the statement
db_exists() { psql -d postgres -tA -v name="$1" <<< "SELECT 1 FROM pg_database WHERE datname = :'name'" | grep -q 1; }

# Drops a database and its attachments in Odoo's filestore.
drop_db() {
    dropdb --if-exists "$1" >/dev/null 2>&1 || true
    rm -rf "$ODOO_DATA_DIR/filestore/$1"
}
