#!/usr/bin/env bash
# make run: set everything up, install (or update) the addons with demo data, serve Odoo.
source "$(dirname "$0")/env.sh"
DB_NAME=${DB_NAME:-complaints}
HTTP_PORT=${HTTP_PORT:-8069}
OUTBOX_PORT=${OUTBOX_PORT:-2525}
OUTBOX=$ODOO_DATA_DIR/outbox
ADDONS=${ADDONS:-complaint_management,complaint_management_sale,complaint_management_loyalty,complaint_management_livechat}

require_odoo_src
ensure_postgres
ensure_venv

if db_exists "$DB_NAME"; then
    echo "Updating $ADDONS in database $DB_NAME"
    # -i installs the addons the database does not have yet (a new bridge); -u updates the others
    odoo -d "$DB_NAME" -i "$ADDONS" -u "$ADDONS" --stop-after-init --log-level=warn
else
    echo "Creating database $DB_NAME with demo data, in English and Persian"
    odoo -d "$DB_NAME" -i "$ADDONS" --stop-after-init --log-level=warn
    # Persian's terms for every installed app; given at creation, it would become the default language
    odoo -d "$DB_NAME" --load-language=fa_IR --stop-after-init --log-level=warn
fi
# the emails Odoo sends go to a local mail server that keeps them in $OUTBOX, not to anyone
"$VENV/bin/python" "$ROOT/scripts/mail_outbox.py" "$OUTBOX" "$OUTBOX_PORT" &
OUTBOX_PID=$!
trap 'kill $OUTBOX_PID 2>/dev/null' EXIT
echo "Serving Odoo on http://localhost:$HTTP_PORT (logins: README.md)"
echo "Emails sent are kept in $OUTBOX (.eml for a mail program, .html for the browser)"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$(addons_path)" \
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" --data-dir="$ODOO_DATA_DIR" \
    -d "$DB_NAME" --db-filter="^${DB_NAME}\$" --http-port="$HTTP_PORT" \
    --smtp=127.0.0.1 --smtp-port="$OUTBOX_PORT"
