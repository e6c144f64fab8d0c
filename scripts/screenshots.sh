#!/usr/bin/env bash
# make screenshots: the README's portal screenshots, from the server `make run` started.
source "$(dirname "$0")/env.sh"
ensure_venv
"$VENV/bin/python" "$ROOT/scripts/screenshots.py"
