# The two commands of the README. Both set up what they need first.
PY ?= python3

.PHONY: setup render test lint pages bench
setup:
	@bash scripts/setup.sh

render: setup  ## check and render every example agreement in every style and format it declares, into output/ (only what changed)
	$(PY) -m slagen build agreements

test: setup  ## lint, type-check and run the test suite
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q

pages: setup  ## page images of every style for review (output/pages/)
	$(PY) scripts/pages.py
