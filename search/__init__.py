"""Search stage: the SQLite store of record, its full-text index and the Elasticsearch backend.

Last stage of the flow (ingest → nlp → search); consumes the records the earlier stages make.
"""
