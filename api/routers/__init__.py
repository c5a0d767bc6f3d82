"""One router per resource of the HTTP API; ``baoku.api.main`` includes them all."""
