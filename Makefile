# The two commands of the README. Both set up what they need first.
PY ?= python3
# Every Python 3.11-3.13 that pyenv has, visible to nox at once (no-op without pyenv).
PYENV_MATRIX = $(shell command -v pyenv >/dev/null && pyenv versions --bare | grep -E '^3\.1[123]\.[0-9]+$$' | paste -sd: -)

.PHONY: setup render test quick matrix matrix-quick docs lint pages layout bench messages
setup:
	@bash scripts/setup.sh

render: setup  ## check and render every example agreement in every style and format it declares, into output/ (only what changed)
	$(PY) -m slagen build agreements

test: setup  ## lint, type-check and run the whole test suite
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q

quick: setup  ## the editing loop: the suite without the slow end-to-end tests
	$(PY) -m pytest -q -m "not slow"

matrix: setup  ## the suite on Python 3.11, 3.12 and 3.13 (pinned libraries) and with the newest releases the ranges allow (nox)
	PYENV_VERSION="$(PYENV_MATRIX)" $(PY) -m nox

matrix-quick: setup  ## the suite without the slow end-to-end tests on Python 3.12 and 3.13, pinned libraries (what CI adds to make test)
	PYENV_VERSION="$(PYENV_MATRIX)" $(PY) -m nox -s tests-3.12 tests-3.13 -- -m "not slow"

docs: setup  ## the documentation site, into output/site/
	$(PY) -m mkdocs build --strict

pages: setup  ## page images of every style for review (output/pages/)
	$(PY) scripts/pages.py

messages: setup  ## extract the documents' messages (babel.cfg) into slagen/locale/slagen.pot and merge them into every .po catalogue
	$(PY) scripts/extract_messages.py

layout: setup  ## the automated layout check: every example, style and format, page by page
	$(PY) scripts/layout_check.py --quiet
