"""Start and stop the whole Wegwijs stack: Rasa action server, Rasa server, API.

    python scripts/stack.py run     # what `make run` does: ports 5055/5005/8000; Ctrl-C, SIGTERM or SIGHUP stops all
    python scripts/stack.py run --api-port 8600 --rasa-port 5605 --action-port 5655
    python scripts/stack.py eval    # test ports, fixed clock, runs the scenario evaluation
    python scripts/stack.py eval --files 'evaluation/heldout/*.yml'   # the blind held-out set
    WEGWIJS_API_WORKERS=4 REDIS_URL=redis://127.0.0.1:6379/0 DATABASE_URL=postgresql://… python scripts/stack.py run

The pytest suite uses the `Stack` class (tests/conftest.py) the same way.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's api/, not a copy the environment was installed from

from api.core.config import scale_out_refusal  # noqa: E402

DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'wegwijs.db'}"
RASA_BIN = ROOT / ".venv-rasa" / "bin" / "rasa"
# `rasa` with the action server timeout from WEGWIJS_ACTION_TIMEOUT_SECONDS (see the script)
RASA_SERVER = [str(ROOT / ".venv-rasa" / "bin" / "python"), str(ROOT / "scripts" / "rasa_server.py")]
APP_PYTHON = ROOT / ".venv" / "bin" / "python"


# Test and evaluation stacks: fixed clock, test headers (allowed only with WEGWIJS_TEST_MODE), plain
# HTTP, and rate limits high enough for a script that plays hundreds of conversations from one address.
TEST_PROFILE = {
    "WEGWIJS_TEST_MODE": "1",
    "WEGWIJS_TODAY": "2026-11-23",
    "WEGWIJS_ALLOW_TEST_HEADERS": "1",
    "WEGWIJS_INSECURE_COOKIES": "1",
    "WEGWIJS_LIMIT_CONVERSATIONS_PER_IP": "100000/minute",
    "WEGWIJS_LIMIT_MESSAGES_PER_IP": "100000/minute",
    "WEGWIJS_LIMIT_MESSAGES_PER_CONVERSATION": "100000/minute",
}


def tracker_store_url(database_url: str) -> str:
    """The API's DATABASE_URL as Rasa's SQL tracker store reads it (SQLAlchemy 1.4, psycopg2).

    Rasa runs in bot/, the API in the repository root: a relative SQLite path is made absolute."""
    url = database_url
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql://" + url[len(prefix):]
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        url = f"sqlite:///{ROOT / url[len('sqlite:///'):]}"
    return url


def current_model() -> Path:
    models = sorted((ROOT / "bot" / "models").glob("wegwijs-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        sys.exit("No trained Rasa model in bot/models: run `make model` (or `make run`).")
    return models[-1]


@dataclass
class Stack:
    api_port: int = 8000
    rasa_port: int = 5005
    action_port: int = 5055
    extra_env: dict[str, str] = field(default_factory=dict)
    log_dir: Path = ROOT / "var" / "log"
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    # Rasa's HTTP API answers only with this token; made per start unless WEGWIJS_RASA_TOKEN is set.
    rasa_token: str = field(default_factory=lambda: os.environ.get("WEGWIJS_RASA_TOKEN") or secrets.token_urlsafe(32))

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.extra_env)
        database_url = env.get("DATABASE_URL") or DEFAULT_DATABASE_URL
        env.update({
            "WEGWIJS_TRACKER_STORE_URL": tracker_store_url(database_url),
            # this checkout's packages (knowledge/, bot/components) before those the environments
            # were installed from: the Rasa environment's editable install may point elsewhere
            "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
            "WEGWIJS_RASA_URL": f"http://127.0.0.1:{self.rasa_port}",
            "WEGWIJS_ACTION_SERVER_URL": f"http://127.0.0.1:{self.action_port}",
            "WEGWIJS_ACTION_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "OMP_NUM_THREADS": env.get("OMP_NUM_THREADS", "2"),
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "WEGWIJS_RASA_TOKEN": self.rasa_token,
            "SANIC_HOST": "127.0.0.1",  # the action server (rasa-sdk has no --host flag; it reads SANIC_HOST)
        })
        env.update(self.extra_env)
        return env

    def _start(self, name: str, command: list[str], cwd: Path) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}-{self.api_port}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=cwd, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start_actions(self) -> None:
        self._start("actions", [str(RASA_BIN), "run", "actions", "--actions", "actions",
                                "--port", str(self.action_port)], ROOT / "bot")

    def start_rasa(self) -> None:
        self._start("rasa", [*RASA_SERVER, "run", "--enable-api", f"--auth-token={self.rasa_token}",
                             "-i", "127.0.0.1", "--port", str(self.rasa_port), "--model", str(current_model()),
                             "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"], ROOT / "bot")

    def api_workers(self) -> int:
        """WEGWIJS_API_WORKERS (default 1); stops here when more than one cannot share their state."""
        env = self.env()
        value = env.get("WEGWIJS_API_WORKERS") or "1"
        if not value.isdigit() or int(value) < 1:
            sys.exit(f"WEGWIJS_API_WORKERS={value!r}: give a whole number, 1 or more.")
        refusal = scale_out_refusal(int(value), env.get("REDIS_URL", ""), env.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
        if refusal:
            sys.exit(f"!! {refusal}")
        return int(value)

    def start_api(self) -> None:
        workers = self.api_workers()
        self._start("api", [str(APP_PYTHON), "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1",
                            "--port", str(self.api_port), *(["--workers", str(workers)] if workers > 1 else [])],
                    ROOT)

    def start(self) -> None:
        current_model()  # fail before starting anything when there is no trained model
        workers = self.api_workers()
        print(f">> Starting the action server (port {self.action_port}), Rasa (port {self.rasa_port}) "
              f"and the API (port {self.api_port}{f', {workers} processes' if workers > 1 else ''}); "
              f"logs in {self.log_dir}", flush=True)
        self.start_actions()
        self.start_rasa()
        self.start_api()

    def wait_ready(self, timeout_s: float = 300) -> None:
        deadline = time.monotonic() + timeout_s
        last = ""
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} stopped (exit {process.returncode}); see {self.log_dir}/{name}-{self.api_port}.log")
            try:
                response = httpx.get(f"{self.api_url}/healthz", timeout=5)
                if response.status_code == 200:
                    print(">> Wegwijs is ready", flush=True)
                    return
                detail = response.json().get("detail", "")
            except (httpx.HTTPError, ValueError):
                detail = "API starting"
            if detail != last:
                print(f"   waiting: {detail}", flush=True)
                last = detail
            time.sleep(2)
        raise TimeoutError(f"Wegwijs not ready after {timeout_s:.0f}s: {last}")

    # --- faults, for the fault tests and evaluation/soak.py ----------------------------------

    def start_one(self, name: str) -> None:
        {"actions": self.start_actions, "rasa": self.start_rasa, "api": self.start_api}[name]()

    def kill(self, name: str) -> None:
        """As a crash: SIGKILL, no clean shutdown."""
        process = self.processes.pop(name)
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)

    def pause(self, name: str) -> None:
        """As a hung server: it keeps its port (connections are accepted) but answers nothing."""
        os.killpg(self.processes[name].pid, signal.SIGSTOP)

    def resume(self, name: str) -> None:
        os.killpg(self.processes[name].pid, signal.SIGCONT)

    def up(self, name: str) -> bool:
        """One component answers (the API: whether or not the others do)."""
        try:
            if name == "actions":
                return httpx.get(f"http://127.0.0.1:{self.action_port}/health", timeout=3).status_code == 200
            if name == "rasa":
                response = httpx.get(f"http://127.0.0.1:{self.rasa_port}/status",
                                     params={"token": self.rasa_token}, timeout=3)
                return response.status_code == 200 and bool(response.json().get("model_file"))
            return httpx.get(f"{self.api_url}/healthz", timeout=3).status_code in (200, 503)
        except (httpx.HTTPError, ValueError):
            return False

    def wait_up(self, name: str, timeout_s: float = 300) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            process = self.processes.get(name)
            if process is None or process.poll() is not None:
                raise RuntimeError(f"{name} stopped; see {self.log_dir}/{name}-{self.api_port}.log")
            if self.up(name):
                return
            time.sleep(0.5)
        raise TimeoutError(f"{name} did not come up in {timeout_s:.0f}s")

    def stop_one(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop(self) -> None:
        """SIGTERM to all three at once, then wait for each (SIGKILL after 20 s)."""
        for name in ("api", "rasa", "actions"):
            process = self.processes.get(name)
            if process is not None and process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for name in ("api", "rasa", "actions"):
            self.stop_one(name)


class Stopped(Exception):
    """SIGTERM or SIGHUP: `kill`, systemd, a container stop, a closed terminal."""


def stop_like_ctrl_c() -> None:
    """SIGTERM and SIGHUP stop the stack the way Ctrl-C does (without this Python just dies and
    the three servers, each in its own session, keep running)."""
    def stopped(signum: int, _frame) -> None:
        raise Stopped(signal.Signals(signum).name)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stopped)


def stop_undisturbed(stack: Stack) -> None:
    """Stop everything; a second Ctrl-C or SIGTERM must not cut this short."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    stack.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["run", "eval"])
    parser.add_argument("--api-port", type=int, default=8000, help="for run (default 8000)")
    parser.add_argument("--rasa-port", type=int, default=5005, help="for run (default 5005)")
    parser.add_argument("--action-port", type=int, default=5055, help="for run (default 5055)")
    parser.epilog = ("Other arguments of eval go to evaluation.run_scenarios, "
                     "e.g. --files 'evaluation/heldout/*.yml'.")
    args, eval_args = parser.parse_known_args()
    if args.mode == "run" and eval_args:
        parser.error(f"unknown arguments for run: {' '.join(eval_args)}")

    stop_like_ctrl_c()
    if args.mode == "run":
        extra_env = {}
        if "WEGWIJS_INSECURE_COOKIES" not in os.environ:
            # http://127.0.0.1 has no HTTPS: without this, the browser would not send the staff login cookie.
            extra_env["WEGWIJS_INSECURE_COOKIES"] = "1"
            print(">> Development profile: WEGWIJS_INSECURE_COOKIES=1 (login cookies over plain HTTP). "
                  "Behind HTTPS in production leave it unset.", flush=True)
        stack = Stack(api_port=args.api_port, rasa_port=args.rasa_port, action_port=args.action_port,
                      extra_env=extra_env)
        try:
            stack.start()
            stack.wait_ready()
            print(f">> Open {stack.api_url}/ in your browser (API docs: {stack.api_url}/docs). Ctrl-C stops Wegwijs.",
                  flush=True)
            while all(p.poll() is None for p in stack.processes.values()):
                time.sleep(1)
            print("!! A component stopped; see the logs in var/log. Stopping the rest.", flush=True)
            return 1
        except (KeyboardInterrupt, Stopped):
            print("\n>> Stopping Wegwijs", flush=True)
            return 0
        finally:
            stop_undisturbed(stack)

    stack = Stack(api_port=8300, rasa_port=5305, action_port=5355, extra_env={
        **TEST_PROFILE, "DATABASE_URL": f"sqlite:///{ROOT / 'var' / 'eval.db'}",
    })
    try:
        stack.start()
        stack.wait_ready()
        return subprocess.call([str(APP_PYTHON), "-m", "evaluation.run_scenarios", "--base-url", stack.api_url,
                                *eval_args], cwd=ROOT)
    except Stopped:
        return 1
    finally:
        stop_undisturbed(stack)


if __name__ == "__main__":
    sys.exit(main())
