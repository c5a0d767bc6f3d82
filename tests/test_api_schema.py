"""Property test of the whole HTTP API against its own OpenAPI schema (schemathesis): for
generated requests, valid and invalid, no 5xx and every response matches the schema.

Runs against a real uvicorn server on loopback over the example archive, with the write token
so uploads and deletes are exercised too. Examples per operation are bounded to keep the run
under about a minute.
"""

from __future__ import annotations

import itertools

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fixtures.api import API_TOKEN

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
EXAMPLES_PER_OPERATION = 30  # per operation and mode (valid, invalid)


@pytest.mark.slow
def test_api_conforms_to_its_schema(api_server: str) -> None:
    schema = schemathesis.openapi.from_url(f"{api_server}/openapi.json")
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    failures: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(base_url=api_server, headers=headers, checks=CHECKS)

        try:
            check()
        except Unsatisfiable:
            # An operation without parameters has no invalid request to make.
            if mode is not GenerationMode.NEGATIVE:
                raise
        except Exception as exc:  # collect every operation's failure, then report them all
            failures[f"{operation.label} ({mode.value})"] = str(exc)[:2000]
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
