"""Staff, editor and admin accounts for tests: one password, logged-in HTTP clients."""
from __future__ import annotations

import httpx

from api.services import auth

PASSWORD = "correct-horse-battery"


def logged_in(base_url: str, area: str, username: str, password: str = PASSWORD) -> httpx.Client:
    """An HTTP client logged in at `area` ("/staff" or "/editor")."""
    client = httpx.Client(base_url=base_url, timeout=60)
    response = client.post(f"{area}/login", data={"username": username, "password": password})
    assert response.status_code == 303, response.text
    assert client.cookies.get(auth.COOKIE_NAME)
    return client
