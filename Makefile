# Two entry points do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test golden lint bench clean

# Re-install only when the package definition changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/summarize run --config configs/default.yaml --input seeds --output outputs

test: $(STAMP)
	$(BIN)/python -m pytest

# Regenerate the committed sample briefing after an intended change in output.
golden: run

lint: $(STAMP)
	$(BIN)/ruff check summarize tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/splitting.py
	$(BIN)/python benchmarks/cleaning.py
	$(BIN)/python benchmarks/ranking.py
	$(BIN)/python benchmarks/duplicates.py
	$(BIN)/python benchmarks/batch.py

clean:
	rm -rf $(VENV) .pytest_cache
