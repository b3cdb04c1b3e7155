# SafeLearn — `make run` to try it, `make test` to check it. Prerequisites: Python 3.11, Node.js 20 (npm), make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast fmt lint typecheck pytest coverage check-deploy security lock clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

var/.migrated: install
	mkdir -p var
	$(BIN)/safelearn migrate --noinput
	touch $@

# Links in emails point at the address `make run` actually serves on (set SAFELEARN_SITE_URL to override).
run: export SAFELEARN_SITE_URL ?= http://$(HOST):$(PORT)
run: install
	$(BIN)/safelearn migrate --noinput -v 0
	$(BIN)/safelearn demo
	@echo "Starting the background worker (log: var/worker.log) and the web server on http://$(HOST):$(PORT) (Ctrl+C stops both)"
	@$(BIN)/safelearn worker --interval 1 > var/worker.log 2>&1 & WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
		$(BIN)/safelearn serve $(HOST):$(PORT) --noreload

# Format and sort imports in place (what `make lint` checks).
fmt: install
	$(BIN)/ruff check --select I --fix safelearn config conftest.py examples tools
	$(BIN)/ruff format safelearn config conftest.py examples tools

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check safelearn config conftest.py examples tools
	$(BIN)/lint-imports  # apps import only downwards: .importlinter, docs/architecture.md

typecheck: install
	$(BIN)/mypy safelearn config tools

check-deploy: install
	DEBUG=0 HTTPS=1 ALLOWED_HOSTS=safelearn.example.org SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
		$(BIN)/safelearn check --deploy --fail-level WARNING

# The whole suite on every core (pytest-xdist; each worker has its own test database; worksteal: a worker that
# runs out of tests takes some of the other's). CI runs it again on PostgreSQL with this target, unmeasured
# (coverage slows a run), for the tests that reach the database (docs/architecture.md, "Checks").
pytest: install
	$(BIN)/python -m pytest -n auto --dist worksteal

# The suite under coverage, on every core: line coverage of safelearn/ and config/ below the floor
# (fail_under in pyproject.toml, a floor that only rises) fails the run. Part of `make test`.
coverage: install
	$(BIN)/python -m pytest -n auto --dist worksteal --cov --cov-report=
	@echo "Line coverage of safelearn/ and config/, % (floor: fail_under in pyproject.toml):"
	@$(BIN)/coverage report --format=total

test: lint typecheck check-deploy security coverage

# The quick loop while working: every test but the browser ones (no Chromium needed), no lint.
test-fast: install
	SAFELEARN_SKIP_BROWSER=1 $(BIN)/python -m pytest -n auto --dist worksteal -m "not browser"

lock:
	$(BIN)/pip-compile --quiet --strip-extras --extra dev --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) node_modules var

# Static security linting (bandit; accepted findings in security/) and known-vulnerable dependencies (pip-audit).
.PHONY: security
security: install
	$(BIN)/bandit -q -c security/bandit.yaml -r safelearn config -x '*/tests/*,*/migrations/*' --severity-level medium -b security/bandit-baseline.json
	$(BIN)/python security/pip_audit_check.py
