"""HTTP API (FastAPI) over the library; calls ingest/nlp/search, never the reverse."""
