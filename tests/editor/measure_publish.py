"""Measure how long a publish takes, from the editor's request until the new text is searchable.

    python tests/editor/measure_publish.py --api http://127.0.0.1:8260 --username eva --password ... [--runs 10]

Needs a running stack whose cards folder is a copy (never the repository's knowledge/cards): each run
adds a unique sentence to cak-eigen-bijdrage and publishes it; the last step rolls back to the start.
"""
from __future__ import annotations

import argparse
import statistics
import time
import uuid

import httpx

CARD = "cak-eigen-bijdrage"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", default="http://127.0.0.1:8260")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    client = httpx.Client(base_url=args.api, timeout=60)
    assert client.post("/editor/login", data={"username": args.username, "password": args.password}).status_code == 303
    original = client.get(f"/editor/api/cards/{CARD}").json()["text"]
    cards = client.get("/editor").text.count("data-card=")
    totals, server = [], []
    try:
        for _ in range(args.runs):
            marker = f"Meetzin {uuid.uuid4().hex[:8]} hier."
            text = original.replace("Het CAK berekent het bedrag.", f"Het CAK berekent het bedrag. {marker}")
            start = time.perf_counter()
            response = client.post(f"/editor/api/cards/{CARD}/publish", json={"text": text})
            response.raise_for_status()
            while marker not in client.get(f"/api/knowledge/cards/{CARD}").json()["body"]:
                time.sleep(0.01)
            hits = client.get("/api/knowledge/search", params={"q": marker}).json()["results"]
            totals.append(time.perf_counter() - start)
            assert hits[0]["card_id"] == CARD
            server.append(response.json()["timings"])
    finally:
        current = client.get(f"/editor/api/cards/{CARD}").json()["text"]
        if current != original:
            client.post(f"/editor/api/cards/{CARD}/publish", json={"text": original})
    print(f"{cards} cards, {len(totals)} publishes")
    print(f"request → searchable: median {statistics.median(totals):.3f}s, max {max(totals):.3f}s")
    for key in ("check_s", "write_s", "refresh_s", "total_s"):
        values = [t[key] for t in server]
        print(f"  server {key}: median {statistics.median(values):.3f}s, max {max(values):.3f}s")


if __name__ == "__main__":
    main()
