"""Deleting conversations and the privacy statement, against the running stack."""
from tests.handoff.conftest import staff_client  # noqa: F401  (logged-in staff and admin clients)
