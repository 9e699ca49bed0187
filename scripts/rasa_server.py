"""Runs `rasa` (same arguments) with a bounded wait for the action server.

Rasa 3.6 waits a fixed 300 s for each custom action and has no setting for it. The API waits
WEGWIJS_RASA_TIMEOUT_SECONDS for Rasa, so with a hung action server the API gave up long before
Rasa did: the reply was lost and a resend was processed twice. Here:

- Rasa waits at most WEGWIJS_ACTION_TIMEOUT_SECONDS (default 20) for a custom action, then goes
  on without that action's events, as it does when the action server is down;
- after a failed call it does not wait for the action server again for that long: the other
  custom actions of the same turn fail at once. So a turn waits for a hung action server about
  once, and the API (whose timeout must be more than twice this one, see api/core/config.py)
  always gets Rasa's answer.

It also validates the action server's answers with one JSON-schema validator built at start:
Rasa's own `jsonschema.validate(...)` checks the (large, fixed) schema itself again on every call,
which `python -m evaluation.load --profile` showed as ~40% of Rasa's busy time under load.

    .venv-rasa/bin/python scripts/rasa_server.py run --enable-api ...   # instead of `rasa run ...`
"""
from __future__ import annotations

import asyncio
import os
import sys
import time

import aiohttp
import jsonschema
import rasa.core.actions.action as rasa_action
import rasa.utils.endpoints as rasa_endpoints
from rasa.__main__ import main

ACTION_TIMEOUT_S = float(os.environ.get("WEGWIJS_ACTION_TIMEOUT_SECONDS") or 20)

# A read timeout, not a total one: aiohttp then raises a ClientError, which Rasa handles like an
# action server that is down. A total timeout raises a bare TimeoutError that aborts the whole
# turn, so not even the 112 text of a crisis would be sent.
ACTION_TIMEOUT = aiohttp.ClientTimeout(total=None, sock_connect=ACTION_TIMEOUT_S, sock_read=ACTION_TIMEOUT_S)
rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT  # passed by every custom action call
rasa_endpoints.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_S  # the HTTP session around it

_request = rasa_endpoints.EndpointConfig.request
_skip_until = 0.0


async def _request_unless_just_failed(self, *args, **kwargs):
    global _skip_until
    if kwargs.get("timeout") is not ACTION_TIMEOUT:  # not a custom action call
        return await _request(self, *args, **kwargs)
    if time.monotonic() < _skip_until:
        raise aiohttp.ClientConnectionError("the action server failed a moment ago")
    try:
        return await _request(self, *args, **kwargs)
    except (aiohttp.ClientConnectionError, asyncio.TimeoutError):
        _skip_until = time.monotonic() + ACTION_TIMEOUT_S
        raise


rasa_endpoints.EndpointConfig.request = _request_unless_just_failed

_RESPONSE_SCHEMA = rasa_action.RemoteAction.action_response_format_spec()
_RESPONSE_VALIDATOR = jsonschema.validators.validator_for(_RESPONSE_SCHEMA)(_RESPONSE_SCHEMA)
_RESPONSE_VALIDATOR.check_schema(_RESPONSE_SCHEMA)  # once, here, instead of on every answer


def _validate_action_result(self, result):
    """Rasa's check of an action server answer (same errors, same message), without re-checking the schema."""
    try:
        _RESPONSE_VALIDATOR.validate(result)
        return True
    except jsonschema.ValidationError as error:
        error.message += (". Failed to validate Action server response from API, make sure your response "
                          "from the Action endpoint is valid.")
        raise error


rasa_action.RemoteAction._validate_action_result = _validate_action_result

if __name__ == "__main__":
    sys.argv[0] = "rasa"
    sys.exit(main())
