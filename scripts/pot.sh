#!/usr/bin/env bash
# make pot: export each addon's translation template (i18n/<addon>.pot) from the database DB_NAME,
# which must have the addons installed (make run does).
source "$(dirname "$0")/env.sh"
DB_NAME=${DB_NAME:-complaints}
require_odoo_src
ensure_postgres
ensure_venv
for addon in portal_accessibility report_wkhtmltopdf_rtl web_date_solar_hijri sms_local_gateway mail_gateway_bale mail_gateway_whatsapp_api complaint_management complaint_management_sale complaint_management_loyalty complaint_management_livechat complaint_management_mail_gateway complaint_management_triage; do
    odoo -d "$DB_NAME" --i18n-export="$ROOT/$addon/i18n/$addon.pot" --modules="$addon" \
        --stop-after-init --log-level=warn
done
