#!/usr/bin/env bash
# make lint: ruff and OCA's pylint-odoo over our addons and scripts.
source "$(dirname "$0")/env.sh"
ensure_venv
cd "$ROOT"
ADDONS=(complaint_management complaint_management_sale)
"$VENV/bin/ruff" check "${ADDONS[@]}" scripts bench tests
"$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" "${ADDONS[@]}"
echo "lint clean"
