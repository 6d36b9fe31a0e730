# Entry points for people: `make run`, `make test` and `make check`. Each builds .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NLP := $(VENV)/.nlp
# Tests run in parallel (pytest-xdist), two workers per core: pilot tests spend much of their time
# waiting on the app, so on 2 cores 4 workers take 0.44x the serial time where 2 take 0.57x.
# `make test JOBS=0` runs them in one process.
JOBS ?= $(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1))')

.PHONY: run test check lint contracts clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The system pip 23 cannot resolve readability-lxml's lxml[html-clean] extra.
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The optional parser (spaCy and a small English model, about 320 MB) names more speakers; the
# reader never waits for it, and works on rules alone if it cannot be installed.
$(NLP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,nlp]' || echo "The optional parser did not install: speakers come from the rules alone."
	touch $(NLP)

run: $(NLP)
	$(BIN)/tui-reader articles

# pytest exits 5 when it collected no test: that fails here like any other failure. The suite runs
# with the optional parser installed, so that its tests run too (they skip where it cannot install).
test: $(NLP)
	$(BIN)/python -m pytest -q -n $(JOBS)

# The linter and the import contracts (pyproject.toml: [tool.ruff], [tool.importlinter]).
check: lint contracts

lint: $(STAMP)
	$(BIN)/ruff check .

contracts: $(STAMP)
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV)
