"""Shared pytest fixtures; each fixture family lives in its own module under tests/fixtures/."""
