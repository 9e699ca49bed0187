"""Request bodies are capped before they are parsed: a huge body gets a Dutch 413 without being read."""
from __future__ import annotations

import select
import socket
import time
from urllib.parse import urlsplit

import httpx
import pytest

pytestmark = pytest.mark.stack


def raw_request(url: str, head: str, chunks, pause_s: float = 0.0) -> tuple[bytes, int]:
    """Send `head` and then the chunks until the server answers; (answer, bytes of body sent)."""
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    sent = 0
    answer = b""
    try:
        sock.sendall(head.encode())
        for chunk in chunks:
            readable, _, _ = select.select([sock], [], [], pause_s)
            if readable:
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        sock.settimeout(10)
        while b"\r\n\r\n" not in answer or len(answer) < answer.find(b"\r\n\r\n") + 40:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    return answer, sent


def test_a_huge_declared_body_is_refused_without_reading_it(stack):
    path = "/api/conversations/abc/messages"
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {500 * 1024 * 1024}\r\n\r\n")
    started = time.perf_counter()
    answer, sent = raw_request(stack.api_url, head, (b"x" * 65536 for _ in range(8000)), pause_s=0.01)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert "hoogstens 5000 tekens".encode() in answer
    assert sent < 5 * 1024 * 1024 and time.perf_counter() - started < 10


def test_a_chunked_body_is_cut_off_at_the_limit(stack):
    head = ("POST /api/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (16384, b" " * 16384)
    answer, sent = raw_request(stack.api_url, head, (chunk for _ in range(2000)), pause_s=0.01)  # 32 MB offered
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert "Dit verzoek is te groot".encode() in answer or "hoogstens".encode() in answer
    assert sent < 4 * 1024 * 1024


def test_login_and_editor_forms_are_capped(stack):
    big_form = {"username": "anna", "password": "x" * 70_000}
    for area in ("/staff", "/editor"):
        response = httpx.post(f"{stack.api_url}{area}/login", data=big_form, timeout=30)
        assert response.status_code == 413, (area, response.text[:200])
        assert "te groot" in response.json()["detail"]
    # a login form of a normal size but over the login's own 4 kB is refused too, not cut short
    response = httpx.post(f"{stack.api_url}/staff/login", data={"username": "anna", "password": "x" * 5000}, timeout=30)
    assert response.status_code == 413
    # card texts may be larger (a card is a few kB), up to 256 kB
    card = httpx.post(f"{stack.api_url}/editor/api/check", json={"text": "x" * 300_000}, timeout=30)
    assert card.status_code == 413 and "256 kB" in card.json()["detail"]
    small = httpx.post(f"{stack.api_url}/editor/api/check", json={"text": "x" * 100_000}, timeout=30)
    assert small.status_code == 401  # not refused for its size; this client is not logged in
