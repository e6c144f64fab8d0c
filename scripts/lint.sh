#!/usr/bin/env bash
# make lint: ruff (checks and format) and OCA's pylint-odoo over our addons and scripts, OCA's
# checks of their manifests and XML files, prettier
# over their JavaScript, and each addon's README.rst built from its readme/ fragments
# (scripts/readme.py).
source "$(dirname "$0")/env.sh"
ensure_venv
cd "$ROOT"
ADDONS=(mail_render_qweb_cache portal_accessibility report_wkhtmltopdf_rtl web_date_solar_hijri sms_local_gateway mail_gateway_bale mail_gateway_whatsapp_api complaint_management complaint_management_sale complaint_management_loyalty complaint_management_livechat complaint_management_mail_gateway complaint_management_triage)
paths=("${ADDONS[@]}")
for extra in scripts bench; do [ -d "$extra" ] && paths+=("$extra"); done
"$VENV/bin/ruff" check "${paths[@]}"
"$VENV/bin/ruff" format --check "${paths[@]}"
"$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" "${ADDONS[@]}"
# manifests and XML files (views, data, demo, templates), OCA's checks (.oca_hooks.cfg)
"$VENV/bin/oca-checks-odoo-module" "${ADDONS[@]}"
"$VENV/bin/python" "$ROOT/scripts/readme.py" --check
# the addons' JavaScript, by prettier (package-lock.json; ensure_venv installs it)
prettier --check "*/static/**/*.js"
echo "lint clean"
