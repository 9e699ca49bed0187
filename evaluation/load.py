"""Load benchmark: many citizens at once over the public chat API.

    python -m evaluation.load                          # own stack (port 8950); 1, 10, 25 and 50 citizens
    python -m evaluation.load --levels 1,10 --seconds 30
    python -m evaluation.load --base-url http://127.0.0.1:8000 --pids api=12,rasa=34,actions=56
    make bench                                         # the same as the first line
    python -m evaluation.load --levels 25 --profile var/profile   # where each server spends its time
    python -m evaluation.load --production 2,2         # production profile: PostgreSQL + Redis,
                                                       # 2 API workers, 2 Rasa instances (+ action servers)

Each simulated citizen runs one of the FLOWS below (three or four messages, like the widget: every
message has a client message id), waits a random think time between its messages, and starts a new
conversation when the flow ends. Every level runs for `--seconds` after a short warm-up.

Per level it prints the latency of a message (p50/p95/p99, from sending it to the bot's answer),
messages answered per second, errors, and the CPU share of each server process (API, Rasa, action
server; 100% = one core). Before the levels it measures the machine's own floor: how many
single-sentence multilingual-e5-small embeddings it makes per second (a message cannot cost less
than about one). The headline is a ratio, because the machine is shared and noisy:

    throughput ratio = messages/s at 25 citizens ÷ embeddings/s          (issue 15: done at >= 0.4)

Not part of `make test`. Results go to stdout and, with --json FILE, to a file.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from evaluation import profile_servers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

# Realistic flows: the classes citizens bring most (bezwaar with its letter date, klacht, a general
# question, cliëntondersteuning, a mantelzorger). Written for this benchmark, not taken from any test set.
FLOWS: tuple[tuple[str, ...], ...] = (
    ("Ik ben het niet eens met het besluit van de gemeente over mijn huishoudelijke hulp",
     "De brief is van 12 november 2026", "Dank u wel"),
    ("De thuiszorg komt al twee weken te laat bij mijn moeder en niemand belt terug",
     "Ze woont zelfstandig en krijgt zorg via de wijkverpleging", "Hoe lang mag dat duren?"),
    ("Wat is een persoonsgebonden budget eigenlijk?", "En waar moet ik dat aanvragen?", "bedankt"),
    ("Kan ik iemand krijgen die mij helpt bij het gesprek met het CIZ?", "Het gaat om mijn vader",
     "Kost dat geld?"),
    ("Het CAK heeft mijn eigen bijdrage verhoogd en dat klopt niet",
     "De brief kwam vorige week, er staat 9 november 2026 op", "Moet ik dan toch eerst betalen?",
     "ok dank je"),
    ("Ik zorg voor mijn zus met dementie, mag ik haar post regelen bij de gemeente?",
     "Ze heeft eerder een volmacht getekend", "Fijn, bedankt"),
)
LEVELS = (1, 10, 25, 50)
FLOOR_SENTENCES = tuple(text for flow in FLOWS for text in flow)


@dataclass
class Level:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # process name -> share of one core
    profile: list[str] = field(default_factory=list)  # report lines of evaluation/profile_servers.py

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]  # p = 1 … 99

    def line(self) -> str:
        cpu = ", ".join(f"{name} {share:.0%}" for name, share in self.cpu.items())
        errors = sum(self.errors.values())
        return (f"{self.clients:>3} citizens: p50 {self.percentile(50) * 1000:6.0f} ms  p95 "
                f"{self.percentile(95) * 1000:6.0f} ms  p99 {self.percentile(99) * 1000:6.0f} ms  "
                f"{self.rate:5.1f} msg/s  errors {errors}{' ' + json.dumps(self.errors) if errors else ''}"
                f"{'  cpu: ' + cpu if cpu else ''}")

    def as_dict(self) -> dict:
        return {"clients": self.clients, "seconds": self.seconds, "messages": len(self.latencies),
                "messages_per_s": self.rate, "p50_ms": self.percentile(50) * 1000,
                "p95_ms": self.percentile(95) * 1000, "p99_ms": self.percentile(99) * 1000,
                "errors": self.errors, "cpu_share": self.cpu}


def embedding_floor(seconds: float = 5.0) -> float:
    """Single-sentence multilingual-e5-small embeddings per second on this machine (the retrieval's
    own model and settings: one torch thread)."""
    from knowledge.embedding.model import load_model

    model = load_model()
    model.encode(["opwarmen"])  # the first call pays for lazy initialisation
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        model.encode([FLOOR_SENTENCES[count % len(FLOOR_SENTENCES)]])
        count += 1
    return count / (time.perf_counter() - started)


async def citizen(client: httpx.AsyncClient, level: Level, stop_at: float, measure_from: float,
                  think: float, rng: random.Random) -> None:
    while time.monotonic() < stop_at:
        flow = rng.choice(FLOWS)
        try:
            response = await client.post("/api/conversations", json={"locale": "nl"})
            response.raise_for_status()
            conversation = response.json()["id"]
        except (httpx.HTTPError, KeyError, ValueError) as error:
            level.error(f"start:{type(error).__name__}")
            await asyncio.sleep(1)
            continue
        for text in flow:
            if time.monotonic() >= stop_at:
                return
            started = time.monotonic()
            try:
                response = await client.post(f"/api/conversations/{conversation}/messages",
                                             json={"text": text, "client_message_id": uuid.uuid4().hex})
                if response.status_code != 200:
                    level.error(f"http {response.status_code}")
                elif started >= measure_from:
                    level.latencies.append(time.monotonic() - started)
            except httpx.HTTPError as error:
                level.error(type(error).__name__)
            await asyncio.sleep(rng.uniform(0, 2 * think))


def cpu_seconds(processes: dict[str, psutil.Process]) -> dict[str, float]:
    seconds = {}
    for name, process in processes.items():
        try:
            family = [process, *process.children(recursive=True)]
            seconds[name] = sum(p.cpu_times().user + p.cpu_times().system for p in family)
        except psutil.Error:
            seconds[name] = float("nan")
    return seconds


async def run_level(base_url: str, clients: int, seconds: float, warmup: float, think: float,
                    processes: dict[str, psutil.Process], seed: int, profile_dir: Path | None = None) -> Level:
    level = Level(clients, seconds)
    sampling = {}
    limits = httpx.Limits(max_connections=clients + 5, max_keepalive_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        now = time.monotonic()
        measure_from, stop_at = now + warmup, now + warmup + seconds
        tasks = [asyncio.create_task(citizen(client, level, stop_at, measure_from, think, random.Random(seed + i)))
                 for i in range(clients)]
        await asyncio.sleep(warmup)
        if profile_dir:
            sampling = profile_servers.start({n: p.pid for n, p in processes.items()}, seconds, profile_dir,
                                             f"{clients}")
        before, wall = cpu_seconds(processes), time.monotonic()
        await asyncio.sleep(max(0.0, stop_at - time.monotonic()))
        after, wall = cpu_seconds(processes), time.monotonic() - wall
        await asyncio.gather(*tasks)  # each citizen finishes the message it is waiting for
    level.cpu = {name: (after[name] - before[name]) / wall for name in processes}
    if sampling:
        level.profile = profile_servers.finish(sampling, profile_dir, f"{clients}")
    return level


POSTGRES = "postgresql://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/5"


def bench_stack(api_port: int, log_dir: Path, production: tuple[int, int] | None = None):
    """The stack `make run` starts, with rate limits high enough for many citizens behind one address
    and a throw-away database: the embedded profile (SQLite, one API worker, one Rasa), or with
    `production` = (API workers, Rasa instances) the production profile on PostgreSQL and Redis."""
    from stack import Stack

    name = f"bench_{time.strftime('%Y%m%d_%H%M%S')}"
    if production:
        database_url = f"{POSTGRES}/{name}"
        _postgres(f"CREATE DATABASE {name}")
        scale = {"REDIS_URL": REDIS, "WEGWIJS_API_WORKERS": str(production[0]),
                 "WEGWIJS_RASA_INSTANCES": str(production[1])}
    else:
        database_url, scale = f"sqlite:///{ROOT / 'var' / f'{name}.db'}", {}
    many = "100000/minute"
    return Stack(api_port=api_port, rasa_port=api_port - 2995, action_port=api_port - 2945, log_dir=log_dir,
                 extra_env={"DATABASE_URL": database_url, "WEGWIJS_STAFF_AVAILABILITY": "never",
                            "WEGWIJS_LIMIT_CONVERSATIONS_PER_IP": many, "WEGWIJS_LIMIT_MESSAGES_PER_IP": many,
                            "WEGWIJS_LIMIT_MESSAGES_PER_CONVERSATION": many, **scale})


def _postgres(statement: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{POSTGRES.replace('postgresql://', 'postgresql+psycopg://')}/postgres",
                           isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


def drop_bench_database(stack) -> None:
    url = stack.extra_env["DATABASE_URL"]
    if url.startswith(POSTGRES):
        _postgres(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def parse_pids(text: str) -> dict[str, psutil.Process]:
    processes = {}
    for item in filter(None, text.split(",")):
        name, _, pid = item.partition("=")
        processes[name.strip()] = psutil.Process(int(pid))
    return processes


def workers_and_instances(text: str) -> tuple[int, int]:
    """"2,2" -> (2, 2): API workers, Rasa instances."""
    parts = text.split(",")
    if len(parts) != 2 or not all(p.strip().isdigit() and int(p) >= 1 for p in parts):
        raise argparse.ArgumentTypeError("give API workers and Rasa instances, e.g. 2,2")
    return int(parts[0]), int(parts[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)), help="citizens at once, e.g. 1,10,25,50")
    parser.add_argument("--seconds", type=float, default=40, help="measured seconds per level (default 40)")
    parser.add_argument("--warmup", type=float, default=8, help="seconds per level before measuring")
    parser.add_argument("--think", type=float, default=0.5, help="mean think time between messages (s)")
    parser.add_argument("--base-url", help="an already running Wegwijs (default: start one)")
    parser.add_argument("--pids", default="", help="with --base-url: name=pid,… of the servers to watch")
    parser.add_argument("--api-port", type=int, default=8950, help="own stack; Rasa -2995, actions -2945")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--production", metavar="WORKERS,INSTANCES", type=workers_and_instances,
                        help="own stack in the production profile (PostgreSQL, Redis), e.g. 2,2")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="sample each server with py-spy during every level; raw stacks go to DIR")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",") if n.strip()]

    floor = embedding_floor()
    print(f">> floor: {floor:.1f} single-sentence e5 embeddings/s on this machine", flush=True)
    stack = None
    if args.base_url:
        base_url, processes = args.base_url.rstrip("/"), parse_pids(args.pids)
    else:
        stack = bench_stack(args.api_port, ROOT / "var" / "log", args.production)
    results = []
    try:
        if stack:
            stack.start()
            base_url = stack.api_url
            processes = {name: psutil.Process(p.pid) for name, p in stack.processes.items()}
            stack.wait_ready()
        for clients in levels:
            level = asyncio.run(run_level(base_url, clients, args.seconds, args.warmup, args.think, processes,
                                          args.seed, args.profile))
            results.append(level)
            print("\n".join([level.line(), *level.profile]), flush=True)
    finally:
        if stack:
            stack.stop()
            drop_bench_database(stack)
    at_25 = next((level for level in results if level.clients == 25), None)
    ratio = at_25.rate / floor if at_25 else None
    if ratio is not None:
        print(f">> throughput ratio at 25 citizens: {at_25.rate:.1f} msg/s ÷ {floor:.1f} embeddings/s = "
              f"{ratio:.2f} (issue 15: done at >= 0.4)")
    if args.json:
        args.json.write_text(json.dumps({"floor_embeddings_per_s": floor, "ratio_at_25": ratio,
                                         "think_s": args.think, "levels": [lv.as_dict() for lv in results]},
                                        indent=2))
    return 0 if results and all(lv.latencies for lv in results) else 1


if __name__ == "__main__":
    sys.exit(main())
