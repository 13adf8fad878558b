# Two commands do everything on a fresh machine:
#   make run    - build .venv on first use, then extract facts from data/samples with the shipped model
#   make test   - build .venv on first use, then run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test test-fast venv clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: venv
	$(BIN)/munifacts extract data/samples -o facts.jsonl

test: venv
	$(BIN)/python -m pytest

test-fast: venv
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf $(VENV) facts.jsonl facts.errors.jsonl facts.jsonl.resume
