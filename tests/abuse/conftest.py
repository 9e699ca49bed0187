"""A second API with the production defaults (rate limits, Secure cookies, HSTS, CORS for one
municipal site), sharing the test stack's Rasa and action server, with its own SQLite file.

The test stack itself runs with very high limits (scripts/stack.py TEST_PROFILE) so that the rest of
the suite can play hundreds of conversations from 127.0.0.1. Here each test speaks as its own
citizen by sending an X-Forwarded-For address (uvicorn trusts it from 127.0.0.1, as it would from a
reverse proxy on the same host).
"""
from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from api.core.db import Database

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def citizen_ip() -> str:
    """A made-up client address (TEST-NET-2, never routed; it only travels in a header)."""
    n = uuid.uuid4().int
    return f"198.51.{n % 250}.{(n >> 8) % 250 + 1}"


EMBED_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Gemeente Elders</title></head>
<body><h1>Gemeente Elders</h1><p>Een andere website die de chat insluit.</p>
<script src="{api}/widget.js" data-locale="nl" defer></script>
</body></html>
"""


@pytest.fixture(scope="session")
def municipal_site():
    """A tiny website on another origin (http://localhost:<port>) that embeds the widget with one tag.
    Its page is filled in once the API's address is known."""
    port = free_port()
    state = {"page": b""}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = state["page"] if self.path in ("/", "/index.html") else b"niet gevonden"
            self.send_response(200 if self.path in ("/", "/index.html") else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield SimpleNamespace(origin=f"http://localhost:{port}", other_origin=f"http://127.0.0.1:{port}",
                          set_api=lambda api: state.update(page=EMBED_PAGE.format(api=api).encode()))
    server.shutdown()


@pytest.fixture(scope="session")
def guarded(stack, municipal_site, tmp_path_factory):
    """The second API: production defaults, own database, CORS for the municipal site only."""
    folder = tmp_path_factory.mktemp("guarded")
    db_file = folder / "guarded.db"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cards_dir, index_dir = folder / "cards", folder / "index"  # its own copies: the editor tests change cards
    shutil.copytree(ROOT / "knowledge" / "cards", cards_dir)
    if (ROOT / "var" / "index").is_dir():
        shutil.copytree(ROOT / "var" / "index", index_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEGWIJS_") or k == "WEGWIJS_RASA_TOKEN"}
    env.update({
        "DATABASE_URL": f"sqlite:///{db_file}",
        "WEGWIJS_RASA_URL": f"http://127.0.0.1:{stack.rasa_port}",
        "WEGWIJS_ACTION_SERVER_URL": f"http://127.0.0.1:{stack.action_port}",
        "WEGWIJS_STAFF_AVAILABILITY": "always",
        "WEGWIJS_CORS_ORIGINS": municipal_site.origin,
        "WEGWIJS_CARDS_DIR": str(cards_dir),
        "WEGWIJS_INDEX_DIR": str(index_dir),
        "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": "1",
    })
    log_file = folder / "api.log"
    with open(log_file, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while True:
            assert process.poll() is None, log_file.read_text()[-3000:]
            try:
                if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the second API did not get ready: " + log_file.read_text()[-3000:]
            time.sleep(0.5)
        municipal_site.set_api(url)
        db = Database(f"sqlite:///{db_file}")
        yield SimpleNamespace(url=url, db=db, log_file=log_file, port=port)
        db.engine.dispose()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def citizen(guarded):
    """An HTTP client for the second API that speaks from its own (made-up) address."""
    with httpx.Client(base_url=guarded.url, timeout=90, headers={"X-Forwarded-For": citizen_ip()}) as client:
        yield client
