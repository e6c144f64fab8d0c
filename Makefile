# The project's commands. Settings come from the environment: ODOO_SRC (default /opt/odoo),
# PG* for PostgreSQL, DB_NAME and HTTP_PORT for `make run`.
SHELL := /bin/bash

.PHONY: run run-prod test test-dates lint bench pot screenshots

run:
	@scripts/run.sh

run-prod:
	@WORKERS=$${WORKERS:-4} scripts/run.sh

test:
	@scripts/test.sh

test-dates:
	@scripts/test_dates.sh

lint:
	@scripts/lint.sh

bench:
	@scripts/bench.sh

pot:
	@scripts/pot.sh

screenshots:
	@scripts/screenshots.sh
