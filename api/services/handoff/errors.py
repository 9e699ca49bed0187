"""The errors of a staff handoff action; each carries the Dutch message and the HTTP status the
staff routes answer with."""
from __future__ import annotations


class HandoffError(Exception):
    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(HandoffError):
    status_code = 404


class Conflict(HandoffError):
    status_code = 409


class Invalid(HandoffError):
    status_code = 422

