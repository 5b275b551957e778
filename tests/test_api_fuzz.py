"""A schema-driven fuzz of the API: schemathesis generates requests from the OpenAPI schema
(valid and invalid parameter values) against a live server on the seeded archive, and none
may answer 5xx or contradict the schema. It runs in CI like every other test."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import checks

pytestmark = pytest.mark.django_db

# What a response must be: no server error, a status, content type and body the schema
# gives. (Not "valid data accepted": the schema cannot say which slugs exist.)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
# Generated requests per operation: ~400 in all, about half a minute.
EXAMPLES = 25


def test_no_request_makes_the_api_fail(api_server, settings):
    settings.API_RATE_LIMIT = None  # thousands of requests from one client
    schema = schemathesis.openapi.from_url(f"{api_server.url}/api/schema/")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 14  # a list and a detail for each of the seven records

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_failure(case):
            # Connection: close, so that no server thread keeps a database connection open
            # on a kept-alive socket when the test database is dropped.
            response = case.call(headers={"Connection": "close"})
            assert response.status_code < 500, (case.path, case.query, response.text[:500])
            case.validate_response(response, checks=CHECKS)

        no_failure()
