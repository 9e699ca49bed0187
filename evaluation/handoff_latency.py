"""Time from the trigger (the citizen's "ik wil graag met een medewerker spreken" is sent) until the
conversation appears in the queue of a staff console open in a real browser (WebSocket push).

    .venv/bin/python evaluation/handoff_latency.py --runs 10
        starts its own stack (Rasa, action server, API; ports 8260/5260/5261, temp SQLite)
    .venv/bin/python evaluation/handoff_latency.py --runs 10 --stack "http://127.0.0.1:8290|/tmp/dev.db"
        uses a stack that is already running (started with WEGWIJS_ALLOW_TEST_HEADERS=1)

Reported per run: `appear` = trigger sent -> entry in the staff page's DOM (browser clock, same
machine); `post` = the citizen's POST round trip (Rasa + action server + API); `push` = POST answer
-> entry visible (negative: the console had it before the citizen's answer came back).
Not collected by pytest (no test_ prefix).
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from api.core.db import Database  # noqa: E402
from api.services import auth  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PASSWORD = "correct-horse-battery"
OBSERVER = """() => {
  window.__seen = {};
  const record = () => {
    for (const el of document.querySelectorAll('#queue [data-conversation-id]')) {
      const id = el.getAttribute('data-conversation-id');
      if (!(id in window.__seen)) window.__seen[id] = Date.now();
    }
  };
  record();
  new MutationObserver(record).observe(document.getElementById('queue'), {childList: true, subtree: true});
}"""


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def measure(api_url: str, db_file: Path, runs: int) -> dict[str, list[float]]:
    db = Database(f"sqlite:///{db_file}")
    username = f"meet-{uuid.uuid4().hex[:6]}"
    auth.create_user(db, username, PASSWORD, "staff", "Meet Robot")
    db.engine.dispose()
    results: dict[str, list[float]] = {"appear": [], "post": [], "push": []}
    with sync_playwright() as p, httpx.Client(base_url=api_url, timeout=60) as citizen:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.goto(f"{api_url}/staff/login")
        page.fill("#username", username)
        page.fill("#password", PASSWORD)
        page.click("button:has-text('Inloggen')")
        page.wait_for_url(f"{api_url}/staff")
        page.wait_for_selector('#connection[data-state="online"]')
        page.evaluate(OBSERVER)
        for run in range(runs + 1):  # run 0 warms up Rasa and the page
            conversation = citizen.post("/api/conversations", json={"locale": "nl"},
                                        headers={"X-Wegwijs-Staff-Available": "true"}).json()["id"]
            answered: dict[str, float] = {}

            def send() -> None:
                response = citizen.post(f"/api/conversations/{conversation}/messages",
                                        json={"text": "ik wil graag met een medewerker spreken"})
                answered["at"] = time.time() * 1000
                answered["handoff"] = response.json()["state"]["handoff"]

            sent = time.time() * 1000
            worker = threading.Thread(target=send)
            worker.start()
            page.wait_for_function("id => id in window.__seen", arg=conversation, timeout=60_000)
            worker.join()
            seen = page.evaluate("id => window.__seen[id]", conversation)
            assert answered["handoff"] == "waiting", answered
            if run == 0:
                continue
            results["appear"].append(seen - sent)
            results["post"].append(answered["at"] - sent)
            results["push"].append(seen - answered["at"])
            print(f"run {run:2d}: appear {seen - sent:7.1f} ms   post {answered['at'] - sent:7.1f} ms   "
                  f"push {seen - answered['at']:7.1f} ms", flush=True)
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--stack", help='"<api url>|<sqlite file>" of a running stack; default: start one')
    args = parser.parse_args()
    stack = None
    if args.stack:
        api_url, db_file = args.stack.split("|")[:2]
    else:
        from stack import TEST_PROFILE, Stack

        tmp = Path(tempfile.mkdtemp(prefix="wegwijs-measure-"))
        db_file = str(tmp / "measure.db")
        stack = Stack(api_port=8260, rasa_port=5260, action_port=5261, log_dir=tmp, extra_env={
            **TEST_PROFILE, "WEGWIJS_STAFF_AVAILABILITY": "always",
            "DATABASE_URL": f"sqlite:///{db_file}"})
        stack.start()
        stack.wait_ready(timeout_s=600)
        api_url = stack.api_url
    try:
        results = measure(api_url.rstrip("/"), Path(db_file), args.runs)
    finally:
        if stack is not None:
            stack.stop()
    print(f"\n{args.runs} runs (nearest-rank percentiles, ms)")
    for name, values in results.items():
        print(f"  {name:7s} p50 {percentile(values, 50):7.1f}   p95 {percentile(values, 95):7.1f}   "
              f"mean {statistics.mean(values):7.1f}   min {min(values):7.1f}   max {max(values):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
