# Two entry points do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test golden docs lint bench clean lock pythons browser redteam

# Re-install only when the package definition or the lock changes. The lock holds the
# exact versions the golden files were written with; the package itself goes in without
# resolving anything more.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e '.[dev]'
	touch $(STAMP)

# The sample run's clock (2023-09-14T00:00:00Z, the day after the newest seed article), so
# that its feed and "written" times are the same on every machine: the files are golden.
SAMPLE_TIME := 1694649600

run: $(STAMP)
	SOURCE_DATE_EPOCH=$(SAMPLE_TIME) $(BIN)/summarize run --config configs/default.yaml \
	  --input seeds --output outputs

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The browser tests (tests/test_browser.py) drive Debian's headless Chromium through its
# chromedriver. On a Debian machine without them, install them (as root, or with sudo);
# elsewhere those tests skip and say why.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ -f /etc/debian_version ]; then \
	  echo "installing Debian's chromium and chromium-driver for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-driver >/dev/null; \
	else echo "no chromium and chromedriver here: the browser tests will be skipped"; fi

# Regenerate the committed sample briefing after an intended change in output: from no
# state, as on a fresh clone (with state, changed sentences would be marked "new").
golden:
	rm -f outputs/.state.json
	$(MAKE) run

# The configuration reference is generated from the schema (summarize/config.py);
# tests/test_docs.py fails when docs/configuration.md is older than the schema.
docs: $(STAMP)
	$(BIN)/python -c "import pathlib, summarize.config_text as c; \
	  pathlib.Path('docs/configuration.md').write_text(c.reference_markdown(), encoding='utf-8')"

# The red team's hostile inputs (tests/redteam.py: what once stopped, hung or misled a run),
# written to redteam/ for runs by hand; the tests build them on their own.
redteam: $(STAMP)
	rm -rf redteam && $(BIN)/python -m tests.redteam redteam

lint: $(STAMP)
	$(BIN)/ruff check summarize tests benchmarks

# The grouping benchmark's anchors need scikit-learn, which slows every run's NLTK import:
# it gets a venv of its own.
BENCH_VENV := .venv-anchors
$(BENCH_VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r requirements.lock
	$(BENCH_VENV)/bin/python -m pip install --quiet -e '.[anchors]'
	touch $@

bench: $(STAMP) $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python benchmarks/grouping.py
	$(BIN)/python benchmarks/splitting.py
	$(BIN)/python benchmarks/cleaning.py
	$(BIN)/python benchmarks/ranking.py
	$(BIN)/python benchmarks/multiling.py
	$(BIN)/python benchmarks/duplicates.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/many_events.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/hostile_scale.py

# After a deliberate upgrade: resolve the ranges again, then regenerate the golden files.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --upgrade -e '.[dev]'
	( echo "# Exact versions of everything \`make\` installs (Python 3.11): briefings are byte-identical"; \
	  echo "# for the same input and config with these. Regenerate with \`make lock\` after a deliberate"; \
	  echo "# upgrade, then \`make golden\`."; \
	  $(BIN)/python -m pip freeze --exclude-editable ) > requirements.lock

# Proof that the package installs from its ranges and runs on the newer Pythons (found on
# the PATH or among pyenv's versions; or give them: make pythons PYTHONS="/path/python3.12").
PYTHONS ?= python3.12 python3.13
pythons:
	for name in $(PYTHONS); do \
	  python=; \
	  for candidate in $$(command -v $$name) $$(ls -d $$HOME/.pyenv/versions/*/bin/$$name 2>/dev/null); do \
	    $$candidate -c "" 2>/dev/null && { python=$$candidate; break; }; \
	  done; \
	  test -n "$$python" || { echo "$$name not found: install it (Debian: apt install $$name" \
	    "where the release has it) or give its path in PYTHONS"; exit 1; }; \
	  scratch=$$(mktemp -d) && \
	  $$python -m venv $$scratch/venv && \
	  $$scratch/venv/bin/python -m pip install --quiet . && \
	  (cd $$scratch && venv/bin/summarize run -q --input $(CURDIR)/seeds --output out) && \
	  cmp $$scratch/out/kim-putin-summit-2023.md outputs/kim-putin-summit-2023.md && \
	  echo "$$python: installed, ran, briefing identical" && rm -rf $$scratch || exit 1; \
	done

clean:
	rm -rf $(VENV) .pytest_cache
