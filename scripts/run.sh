#!/usr/bin/env bash
# make run: set everything up, install (or update) the addons with demo data, serve Odoo.
# make run-prod (WORKERS=4): the same served by worker processes, as in production (docs/deployment.md):
# WORKERS HTTP workers, CRON_WORKERS processes for the scheduled actions, the live chat and the
# notifications' websocket on GEVENT_PORT.
source "$(dirname "$0")/env.sh"
WORKERS=${WORKERS:-0}
CRON_WORKERS=${CRON_WORKERS:-2}
GEVENT_PORT=${GEVENT_PORT:-8072}
DB_NAME=${DB_NAME:-complaints}
HTTP_PORT=${HTTP_PORT:-8069}
OUTBOX_PORT=${OUTBOX_PORT:-2525}
OUTBOX=$ODOO_DATA_DIR/outbox
ADDONS=${ADDONS:-mail_render_qweb_cache,portal_accessibility,report_wkhtmltopdf_rtl,web_date_solar_hijri,sms_local_gateway,mail_gateway_bale,mail_gateway_whatsapp_api,complaint_management,complaint_management_sale,complaint_management_loyalty,complaint_management_livechat,complaint_management_mail_gateway,complaint_management_triage}

require_odoo_src
ensure_postgres
ensure_venv

# the emails Odoo sends (the demo's too, as it installs) go to a local mail server that keeps them in
# $OUTBOX, not to anyone
"$VENV/bin/python" "$ROOT/scripts/mail_outbox.py" "$OUTBOX" "$OUTBOX_PORT" &
OUTBOX_PID=$!
trap 'kill $OUTBOX_PID 2>/dev/null' EXIT
SMTP=(--smtp=127.0.0.1 --smtp-port="$OUTBOX_PORT")

if db_exists "$DB_NAME"; then
    echo "Updating $ADDONS in database $DB_NAME"
    # -i installs the addons the database does not have yet (a new bridge); -u updates the others
    odoo -d "$DB_NAME" -i "$ADDONS" -u "$ADDONS" --stop-after-init --log-level=warn "${SMTP[@]}"
else
    echo "Creating database $DB_NAME with demo data, in English and Persian"
    odoo -d "$DB_NAME" -i "$ADDONS" --stop-after-init --log-level=warn "${SMTP[@]}"
    # Persian's terms for every installed app; given at creation, it would become the default language
    odoo -d "$DB_NAME" --load-language=fa_IR --stop-after-init --log-level=warn
fi
SERVING=()
if [ "$WORKERS" -gt 0 ]; then
    SERVING=(--workers="$WORKERS" --max-cron-threads="$CRON_WORKERS" --gevent-port="$GEVENT_PORT")
    echo "$WORKERS HTTP workers, $CRON_WORKERS for scheduled actions, websocket on port $GEVENT_PORT"
fi
echo "Serving Odoo on http://localhost:$HTTP_PORT (logins: README.md)"
echo "Emails sent are kept in $OUTBOX (.eml for a mail program, .html for the browser)"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$(addons_path)" \
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" --data-dir="$ODOO_DATA_DIR" \
    -d "$DB_NAME" --db-filter="^${DB_NAME}\$" --http-port="$HTTP_PORT" \
    "${SMTP[@]}" "${SERVING[@]}"
