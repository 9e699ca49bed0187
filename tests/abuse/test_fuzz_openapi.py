"""Fuzzing the public API from its own OpenAPI schema (schemathesis, bounded): no 500, every status
is one the schema documents, every error carries a Dutch `detail`, and the rate limits hold."""
from __future__ import annotations

import itertools
import time
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, status_code_conformance
from sqlalchemy import func, select

from api.models import Conversation, Message

from .conftest import citizen_ip

pytestmark = pytest.mark.stack

EXAMPLES = 50  # per operation: under a minute in all here
CREATOR_IP = citizen_ip()  # every conversation the fuzzer creates comes from one address
SEEN: Counter = Counter()
STARTED: list[float] = []


@pytest.fixture(scope="module")
def real_conversations(guarded):
    """Conversations that exist, so the fuzzer also reaches the bot and not only 404s."""
    import httpx

    ids = []
    for _ in range(3):
        response = httpx.post(f"{guarded.url}/api/conversations", json={}, headers={"X-Forwarded-For": citizen_ip()})
        ids.append(response.json()["id"])
    return ids


def test_public_api_survives_fuzzing(guarded, real_conversations):
    schema = schemathesis.openapi.from_url(f"{guarded.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/conversations", "/api/conversations/{conversation_id}/messages"}
    STARTED.append(time.monotonic())
    for operation in operations:
        fuzz_operation(operation, guarded.url, real_conversations)


def fuzz_operation(operation, base_url: str, real_conversations: list[str]) -> None:
    counter = itertools.count()

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case) -> None:
        calls = next(counter)
        if "conversation_id" in (case.path_parameters or {}) and calls % 3:  # two in three: a real one
            case.path_parameters["conversation_id"] = real_conversations[calls % len(real_conversations)]
        if case.query and "wait" in case.query:
            case.query["wait"] = 0  # a long-poll would only make the run slow
        creating = case.method == "POST" and case.path == "/api/conversations"
        headers = {"X-Forwarded-For": CREATOR_IP if creating else citizen_ip()}
        response = case.call(base_url=base_url, headers=headers, timeout=90)
        SEEN[(case.method, case.path, response.status_code)] += 1
        case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                 content_type_conformance])
        content_type = (response.headers.get("content-type") or [""])[0]
        if 400 <= response.status_code < 500 and content_type.startswith("application/json"):
            detail = response.json().get("detail")
            assert isinstance(detail, str) and detail, (case.method, case.path, response.text)

    run()


def test_the_limits_held_while_fuzzing(guarded, real_conversations):
    assert STARTED, "the fuzz test did not run"
    minutes = (time.monotonic() - min(STARTED)) / 60
    created = sum(n for (method, path, status), n in SEEN.items()
                  if method == "POST" and path == "/api/conversations" and status == 201)
    refused = sum(n for (method, path, status), n in SEEN.items()
                  if method == "POST" and path == "/api/conversations" and status == 429)
    statuses = Counter()
    for (_, _, status), n in SEEN.items():
        statuses[status] += n
    print(f"\nfuzzing: {sum(SEEN.values())} requests in {minutes:.1f} min; statuses: {dict(sorted(statuses.items()))}")
    for key, n in sorted(SEEN.items()):
        print("  ", *key, n)
    assert refused > 0 and created <= 5 * (int(minutes) + 1)  # WEGWIJS_LIMIT_CONVERSATIONS_PER_IP 5/minute
    assert not any(status >= 500 for (_, _, status) in SEEN)
    with guarded.db.session() as session:
        for conversation in real_conversations:
            stored = session.scalar(select(func.count()).select_from(Message).where(
                Message.conversation_id == conversation, Message.sender == "citizen"))
            assert stored <= 15 * (int(minutes) + 1), (conversation, stored)  # 15 per minute per conversation
        assert session.scalar(select(func.count()).select_from(Conversation)) > 0
