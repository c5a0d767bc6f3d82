# The two commands a new machine needs (see README): `make demo` and `make test`.
.PHONY: setup demo test lint bench clean

setup:
	@bash scripts/setup.sh

# Install everything, ingest the sample pages into demo.db, then search them.
demo: setup
	.venv/bin/baoku ingest examples/ --db demo.db
	.venv/bin/baoku search 工会 --db demo.db --limit 5

# Lint and the whole test suite; the Elasticsearch tests start a real server
# (scripts/elasticsearch.sh) and are required when CI=true.
test: setup
	.venv/bin/ruff check .
	.venv/bin/python -m pytest

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

clean:
	rm -rf .venv .pytest_cache .ruff_cache demo.db demo.db-wal demo.db-shm
