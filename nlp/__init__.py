"""NLP stage: article text becomes typed entities and normalized figure records.

Second stage of the flow (ingest → nlp → search); reads ingest records only.
"""
