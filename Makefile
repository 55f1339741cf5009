# civcas: the two-command quickstart (make run, make test) and friends.
# Everything installs into .venv from the registries; nothing is downloaded at run time.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SHARED  ?= ../shared
CORPUS  ?= $(if $(wildcard $(SHARED)/corpus/seeds.jsonl),$(SHARED)/corpus/seeds.jsonl,examples/demo.jsonl)
GAZETTEERS := $(wildcard $(SHARED)/gazetteer/*.tsv.gz)
STAMP   := $(VENV)/.installed

.PHONY: setup run test bench lint typecheck gazetteer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Load the village-level gazetteers of ../shared/gazetteer when that folder is there
# (idempotent: a file already loaded with the same checksum is skipped).
gazetteer: $(STAMP)
	$(BIN)/civcas --quiet gazetteer build --if-stale
ifneq ($(GAZETTEERS),)
	$(BIN)/civcas --quiet gazetteer load $(GAZETTEERS)
endif

setup: $(STAMP) gazetteer

run: setup
	$(BIN)/civcas run $(CORPUS)

test: setup lint typecheck
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy src/civcas

clean:
	rm -rf $(VENV) build dist *.egg-info civcas.db
