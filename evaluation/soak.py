"""Soak run: many conversations with random flows while the servers are killed, hung and restarted.

    python -m evaluation.soak                      # 1,000 conversations, own stack on port 8900
    python -m evaluation.soak -n 100 --workers 6   # fewer
    python -m evaluation.soak -n 100 --postgres    # on a throw-away PostgreSQL database

Each simulated citizen behaves like the widget: every message has a client message id; on a 503
("bewaard") it waits for the answer in the transcript; when the API cannot be reached or a
request times out it sends the same message (same id) again. Meanwhile a fault injector kills or
hangs (SIGSTOP) the action server, Rasa or the API at random and brings it back.

At the end it prints, and checks against the database and Rasa's tracker store:
  sent       messages the citizens sent (distinct client ids)
  stored     citizen messages in the database (stored twice: a duplicate)
  answered   stored and answered (by the bot, or by the API when the bot could not)
  lost       sent but not stored, or stored but never answered (a clear 4xx error does not count)
  processed twice   messages Rasa processed more than once
and whether every citizen who waited for a person is still in the queue. Exit 1 if anything was
lost, stored twice or processed twice. Not part of `make test` (it takes long); the fault tests in
tests/faults/ run a small fixed version of it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from stack import TEST_PROFILE, Stack  # noqa: E402

TODAY = "2026-11-23"
GIVE_UP_S = 600  # a citizen waits at most this long for one answer

FLOWS: dict[str, list[str]] = {
    "bezwaar": ["ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
                "daar ben ik het niet mee eens", "wat zet ik in mijn brief?"],
    "klacht": ["de medewerker van het wijkteam was heel onbeleefd tegen mij", "wat moet ik nu doen"],
    "aanvraag": ["mijn moeder kan niet meer alleen wonen en moet naar een verpleeghuis, hoe regel ik dat"],
    "vraag": ["wat doet het CAK eigenlijk", "wat is een pgb"],
    "mantelzorger": ["ik ben mantelzorger van mijn moeder",
                     "de gemeente heeft haar huishoudelijke hulp stopgezet, de brief is van 13 november"],
    "ingebreke": ["ik wacht al 4 maanden op een beslissing van het CIZ over mijn aanvraag"],
    "medewerker": ["ik wil graag met een medewerker spreken", "hallo? is daar iemand?"],
    "crisis": ["ik wil niet meer leven", "ik weet het echt niet meer"],
    "terugbellen": ["kan ik iemand spreken", "bel mij maar op 0612345678", "morgenochtend"],
    "onzin": ["qwrtz plofsnik", "vlorp grimbel zonk"],
}
NO_STAFF_FLOWS = {"terugbellen"}
FAULTS = ("kill actions", "kill rasa", "kill api", "hang actions", "hang rasa")


@dataclass
class Sent:
    conversation_id: str
    client_id: str
    shown: str  # the text the transcript shows (a button: its title)
    outcome: str = "pending"  # answered | error | unanswered


@dataclass
class Report:
    conversations: int = 0
    sent: int = 0
    stored: int = 0
    duplicates: int = 0
    answered: int = 0
    lost: int = 0
    clear_errors: int = 0
    processed_twice: int = 0
    waiting_seen: int = 0
    waiting_kept: int = 0
    resends: int = 0
    kept_503: int = 0
    faults: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicates == 0 and self.processed_twice == 0 and \
            self.waiting_kept == self.waiting_seen

    def lines(self) -> list[str]:
        faults = ", ".join(f"{name} x{count}" for name, count in sorted(self.faults.items())) or "none"
        return [
            f"conversations      {self.conversations}",
            f"faults             {faults}",
            f"messages sent      {self.sent}",
            f"stored             {self.stored}  (duplicates: {self.duplicates})",
            f"answered           {self.answered}",
            f"lost               {self.lost}",
            f"clear errors       {self.clear_errors}",
            f"processed twice    {self.processed_twice}",
            f"resends            {self.resends}  (503 'bewaard': {self.kept_503})",
            f"waiting citizens   {self.waiting_seen}, still in the queue: {self.waiting_kept}",
            f"duration           {self.seconds:.0f} s",
        ]


class Citizen:
    """One conversation, sent the way the widget sends it."""

    def __init__(self, base_url: str, flow: str, rng: random.Random, report: Report, lock: threading.Lock):
        self.base_url = base_url
        self.flow = flow
        self.rng = rng
        self.report = report
        self.lock = lock
        self.client = httpx.Client(base_url=base_url, timeout=30)
        self.id = ""
        self.sent: list[Sent] = []
        self.waited = False

    def run(self) -> None:
        try:
            self.id = self._retry(lambda: self.client.post(
                "/api/conversations", json={"locale": "nl"},
                headers={"X-Wegwijs-Staff-Available": str(self.flow not in NO_STAFF_FLOWS).lower()}),
                expect=201).json()["id"]
            buttons: list[dict] = []
            for text_ in FLOWS[self.flow]:
                if buttons and self.rng.random() < 0.3:  # click a button the bot offered
                    button = self.rng.choice(buttons)
                    buttons = self.send({"payload": button["payload"]}, button["title"])
                buttons = self.send({"text": text_}, text_)
        finally:
            self.client.close()

    def send(self, body: dict, shown: str) -> list[dict]:
        item = Sent(self.id, uuid.uuid4().hex, shown)
        self.sent.append(item)
        deadline = time.monotonic() + GIVE_UP_S
        first = True
        while time.monotonic() < deadline:
            if not first:
                with self.lock:
                    self.report.resends += 1
            first = False
            try:
                response = self.client.post(f"/api/conversations/{self.id}/messages",
                                            json={**body, "client_message_id": item.client_id})
            except httpx.HTTPError:  # API down or too slow: the widget sends the same message again
                time.sleep(1 + self.rng.random())
                continue
            if response.status_code == 200:
                item.outcome = "answered"
                data = response.json()
                if data["state"]["handoff"] == "waiting":
                    self.waited = True
                return (data["messages"][-1]["buttons"] if data["messages"] else [])
            if response.status_code == 503:  # kept: the answer comes in the transcript
                with self.lock:
                    self.report.kept_503 += 1
                if self._answer_in_transcript(item, timeout_s=20):
                    return []
                continue  # not yet: send the same message again (the API answers it once)
            if response.status_code in (502, 504) or response.status_code >= 500:
                time.sleep(1)
                continue
            item.outcome = "error"  # a clear 4xx with a Dutch detail
            return []
        item.outcome = "unanswered"
        return []

    def _answer_in_transcript(self, item: Sent, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            time.sleep(2)
            try:
                transcript = self.client.get(f"/api/conversations/{self.id}").json()
            except (httpx.HTTPError, ValueError):
                continue
            messages = transcript["messages"]
            citizen = [m for m in messages if m["sender"] == "citizen"]
            if citizen and citizen[-1]["delivered"] and messages[-1]["sender"] != "citizen":
                item.outcome = "answered"
                if transcript["state"]["handoff"] == "waiting":
                    self.waited = True
                return True
        return False

    def _retry(self, call, expect: int) -> httpx.Response:
        deadline = time.monotonic() + GIVE_UP_S
        while True:
            try:
                response = call()
                if response.status_code == expect:
                    return response
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the API did not come back")
            time.sleep(1)


class FaultInjector(threading.Thread):
    """Kills or hangs one component at a time and brings it back. `plan`: a fixed list of faults
    (tests); without it a random fault every `every_s` seconds on average until stopped."""

    def __init__(self, stack: Stack, report: Report, rng: random.Random, every_s: float = 30,
                 plan: list[str] | None = None, down_s: tuple[float, float] = (2, 10)):
        super().__init__(daemon=True)
        self.stack = stack
        self.report = report
        self.rng = rng
        self.every_s = every_s
        self.plan = list(plan) if plan is not None else None
        self.down_s = down_s
        self.done = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.done.is_set():
                if self.plan is not None and not self.plan:
                    return
                if self.done.wait(self.rng.uniform(0.5, 1.5) * self.every_s):
                    return
                fault = self.plan.pop(0) if self.plan is not None else self.rng.choice(FAULTS)
                self.inject(fault)
        except BaseException as error:  # noqa: BLE001 - reported by the caller
            self.error = error

    def inject(self, fault: str) -> None:
        action, name = fault.split()
        print(f"   fault: {fault}", flush=True)
        self.report.faults[fault] += 1
        if action == "kill":
            self.stack.kill(name)
            time.sleep(self.rng.uniform(*self.down_s))
            self.stack.start_one(name)
        else:
            self.stack.pause(name)
            time.sleep(self.rng.uniform(*self.down_s))
            self.stack.resume(name)
        self.stack.wait_up(name)

    def stop(self) -> None:
        self.done.set()
        self.join()
        if self.error is not None:
            raise self.error


def run_soak(stack: Stack, database_url: str, conversations: int, workers: int = 6, seed: int = 1,
             fault_every_s: float = 30, fault_plan: list[str] | None = None, faults: bool = True,
             down_s: tuple[float, float] = (2, 10)) -> Report:
    """Runs the conversations against a running stack and checks the database afterwards."""
    rng = random.Random(seed)
    report = Report(conversations=conversations)
    lock = threading.Lock()
    flows = [rng.choice(list(FLOWS)) for _ in range(conversations)]
    citizens = [Citizen(stack.api_url, flow, random.Random(rng.random()), report, lock) for flow in flows]
    todo = list(citizens)
    started = time.monotonic()
    injector = FaultInjector(stack, report, random.Random(seed + 1), fault_every_s, fault_plan, down_s) \
        if faults else None
    failures: list[BaseException] = []

    def worker() -> None:
        while True:
            with lock:
                if todo:
                    citizen = todo.pop(0)
                elif fault_plan is not None and injector is not None and injector.is_alive():
                    # a fixed plan: keep conversations going until every fault has hit some
                    citizen = Citizen(stack.api_url, rng.choice(list(FLOWS)), random.Random(rng.random()),
                                      report, lock)
                    citizens.append(citizen)
                    report.conversations += 1
                else:
                    return
            try:
                citizen.run()
            except Exception as error:  # noqa: BLE001 - counted as lost by the audit
                failures.append(error)
    if injector is not None:
        injector.start()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if injector is not None:
        injector.stop()
    report.seconds = time.monotonic() - started
    for error in failures:
        print(f"!! a citizen stopped: {error!r}", flush=True)
    audit(stack, database_url, citizens, report)
    return report


def audit(stack: Stack, database_url: str, citizens: list[Citizen], report: Report) -> None:
    """Compare what the citizens sent with what the database and Rasa's tracker store hold."""
    from api.core.db import Database

    ids = [c.id for c in citizens if c.id]
    db = Database(database_url)
    try:
        with db.engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT conversation_id, text, delivered FROM messages WHERE sender = 'citizen'")).all()
            events = connection.execute(text("SELECT sender_id, data FROM events WHERE type_name = 'user'")).all()
            handoffs = dict(connection.execute(text("SELECT conversation_id, status FROM handoffs")).all())
    finally:
        db.engine.dispose()
    mine = set(ids)
    stored: dict[str, list[tuple[str, bool]]] = {}
    for conversation_id, text_, delivered in rows:
        if conversation_id in mine:
            stored.setdefault(conversation_id, []).append((text_, bool(delivered)))

    for citizen in citizens:
        kept = stored.get(citizen.id, [])
        report.sent += len(citizen.sent)
        report.stored += len(kept)
        report.clear_errors += sum(1 for item in citizen.sent if item.outcome == "error")
        expected = Counter(item.shown for item in citizen.sent if item.outcome != "error")
        kept_texts = Counter(t for t, _ in kept)
        report.duplicates += sum((kept_texts - expected).values())
        missing = sum((expected - kept_texts).values())  # sent, never stored
        answered = sum(1 for _, delivered in kept if delivered)
        report.answered += answered
        not_seen = sum(1 for item in citizen.sent if item.outcome in ("pending", "unanswered"))
        report.lost += missing + max(len(kept) - answered, not_seen)  # ... or stored and never answered
        if citizen.waited:
            report.waiting_seen += 1
            report.waiting_kept += handoffs.get(citizen.id) == "waiting"  # who answers: its one store

    processed = Counter()
    for sender_id, data in events:
        if sender_id in mine:
            message_id = (json.loads(data).get("metadata") or {}).get("wegwijs_message_id")
            if message_id is not None:
                processed[(sender_id, message_id)] += 1
    report.processed_twice = sum(1 for count in processed.values() if count > 1)


def soak_stack(api_port: int, database_url: str, log_dir: Path) -> Stack:
    return Stack(api_port=api_port, rasa_port=api_port - 2995, action_port=api_port - 2945, log_dir=log_dir,
                 extra_env={**TEST_PROFILE,  # a test run: fixed clock, test headers, generous rate limits
                            "WEGWIJS_TODAY": TODAY,
                            "WEGWIJS_STAFF_AVAILABILITY": "always", "DATABASE_URL": database_url,
                            "WEGWIJS_ACTION_TIMEOUT_SECONDS": "3", "WEGWIJS_RASA_TIMEOUT_SECONDS": "8",
                            "WEGWIJS_RETRY_SECONDS": "1"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--conversations", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=8, help="citizens at the same time (default 8)")
    parser.add_argument("--fault-every", type=float, default=30, help="seconds between faults on average")
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--api-port", type=int, default=8900, help="Rasa and the action server: -2995 and -2945")
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL database (127.0.0.1:5432)")
    args = parser.parse_args()

    stamp = time.strftime("%Y%m%d-%H%M%S")
    pg_name = None
    if args.postgres:
        import psycopg

        pg_name = f"wegwijs_soak_{stamp.replace('-', '_')}"
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{pg_name}"')
        database_url = f"postgresql://postgres@127.0.0.1:5432/{pg_name}"
    else:
        database_url = f"sqlite:///{ROOT / 'var' / f'soak-{stamp}.db'}"
    stack = soak_stack(args.api_port, database_url, ROOT / "var" / "log")
    print(f">> Soak: {args.conversations} conversations, {args.workers} at a time, "
          f"{'no faults' if args.no_faults else f'a fault every ~{args.fault_every:g} s'}; {database_url}", flush=True)
    try:
        stack.start()
        stack.wait_ready()
        report = run_soak(stack, database_url, args.conversations, args.workers, args.seed, args.fault_every,
                          faults=not args.no_faults)
    finally:
        stack.stop()
        if pg_name:
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE "{pg_name}" WITH (FORCE)')
    print("\n".join(report.lines()))
    print(">> OK: nothing lost, nothing twice" if report.ok else "!! NOT OK", flush=True)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
