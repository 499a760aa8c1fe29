# Two commands are the contract with a new user: `make demo` and `make test` (README.md).
# Both set up everything from a fresh clone: a virtual environment in .venv/, the exact
# versions pinned in constraints.txt, and the offline gazetteer index (built once, cached).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    := out

.PHONY: setup gazetteer demo test bench lock clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
	@touch $(STAMP)

setup: $(STAMP)

gazetteer: setup
	$(BIN)/incidex data build

demo: gazetteer
	@mkdir -p $(OUT)
	$(BIN)/incidex extract samples/reports.jsonl --format jsonl --output $(OUT)/events.jsonl --show --quiet
	$(BIN)/incidex ingest samples/reports.jsonl --db incidex.db
	$(BIN)/incidex stats --db incidex.db
	$(BIN)/incidex export --db incidex.db --format csv --columns gtd --output $(OUT)/events-gtd.csv

test: gazetteer
	bash scripts/postgres.sh install
	$(BIN)/python -m pytest -q

bench: gazetteer
	$(BIN)/python -m benchmarks.run_all

# Refresh the pins after changing dependencies in pyproject.toml.
lock: setup
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^incidex' > constraints.txt

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
