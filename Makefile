# Chronique: `make site` builds the site from seeds/, `make test` runs the tests.
# Both set everything up on a fresh machine (virtualenv from pinned requirements).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site site-full build serve test eval bench bench-100k audit screenshots golden format clean browser-deps

$(BIN)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.dev: requirements-dev.txt requirements-dask.txt requirements.txt $(BIN)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# build.py's status: 0 built; 4 built, some files skipped (reported; every good article is
# published, so `make site` goes on); 1 a crash, or --strict with something to report;
# 2 bad usage; 3 nothing built (docs/ untouched). `make site STRICT=1` blocks on any
# skipped file or warning instead.
STRICT ?=
build: $(BIN)/.runtime
	@status=0; $(BIN)/python build.py $(if $(STRICT),--strict) || status=$$?; \
	if [ $$status -ne 0 ] && [ $$status -ne 4 ]; then exit $$status; fi

# mkdocs build --strict (incremental when site/ holds a build of the same configuration:
# only the pages build.py changed are rendered again; `make site-full` renders all),
# then the search index.
site: build
	$(BIN)/python -m chronique.site

site-full: build
	$(BIN)/python -m chronique.site --full


# The built site, search index included (mkdocs serve would not run Pagefind).
serve: site
	@echo "http://127.0.0.1:8000/"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

# Browser tests and audits need Debian's chromium (never `playwright install`, which
# downloads a browser from elsewhere) and the npm audit tools pinned in package-lock.json.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@test -x /usr/bin/chromium || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null)
	@# lighthouse asks for third-party-web@latest, so the lock can fall behind the registry:
	@# then `npm ci` refuses it, and `npm install` (same pinned tools) takes over.
	@test node_modules/.package-lock.json -nt package-lock.json || npm ci --silent --no-audit --no-fund \
		|| npm install --silent --no-audit --no-fund

# The tests never read seeds/ (the newsroom's): they build from tests/fixtures/site/, a
# guard in tests/conftest.py fails any test that touches seeds/, and
# tests/test_newsroom_day.py runs this recipe's pytest command after a day of edits in
# a copy's seeds/. So `make test` depends on no build target (tests/test_ci.py checks it).
test: $(BIN)/.dev browser-deps
	$(BIN)/python -m pytest -q

eval: $(BIN)/.runtime
	$(BIN)/python -m chronique.evaluate --details

bench: $(BIN)/.dev
	$(BIN)/python bench/bench.py

# 100,000 articles once, extraction on a local Dask cluster of two workers: cold, warm,
# make site, one change, Hugo (about an hour and a half here; appended to BENCHMARKS.md)
bench-100k: $(BIN)/.dev
	$(BIN)/python bench/bench.py --sizes 100000 --dask-workers 2 --lean

audit: $(BIN)/.dev browser-deps site
	$(BIN)/python -m chronique.audit

screenshots: $(BIN)/.dev browser-deps site
	$(BIN)/python -m pytest -q tests/browser -k screenshot --screenshots

golden: $(BIN)/.runtime
	$(BIN)/python -m tests.golden update

# One code style for the package (ruff format; a test checks it).
format: $(BIN)/.dev
	$(BIN)/ruff format chronique tests bench build.py

clean:
	rm -rf site .cache
