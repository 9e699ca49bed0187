"""Start and stop the whole Wegwijs stack: Rasa action server, Rasa server, API.

    python scripts/stack.py run     # what `make run` does: ports 5055/5005/8000; Ctrl-C, SIGTERM or SIGHUP stops all
    python scripts/stack.py run --api-port 8600 --rasa-port 5605 --action-port 5655
    WEGWIJS_RASA_INSTANCES=2 DATABASE_URL=postgresql://… REDIS_URL=redis://… python scripts/stack.py run
        # two Rasa servers (5005, 5006), each with its own action server (5055, 5056)
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

from stack_settings import (
    ROOT,
    StackSettingError,
    api_workers,
    check_ports,
    database_url,
    lock_store,
    rasa_instances,
    tracker_store_url,
)

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
    "WEGWIJS_RASA_INSTANCES": "1",  # on SQLite; a test of several instances says so itself
}


def current_model() -> Path:
    models = sorted((ROOT / "bot" / "models").glob("wegwijs-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        sys.exit("No trained Rasa model in bot/models: run `make model` (or `make run`).")
    return models[-1]


@dataclass
class Stack:
    api_port: int = 8000
    api_host: str = "127.0.0.1"  # 0.0.0.0 in a container (deploy/); Rasa and the action servers stay on 127.0.0.1
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

    def given_env(self) -> dict[str, str]:
        return {**os.environ, **self.extra_env}

    @property
    def rasa_instances(self) -> int:
        return rasa_instances(self.given_env())

    def rasa_url(self, index: int = 0) -> str:
        return f"http://127.0.0.1:{self.rasa_port + index}"

    def action_server_url(self, index: int = 0) -> str:
        return f"http://127.0.0.1:{self.action_port + index}"

    def env(self, index: int = 0) -> dict[str, str]:
        """Every server's environment; `index`: the Rasa instance (and its action server) it serves."""
        env = self.given_env()
        instances = range(rasa_instances(env))
        env.update({
            "WEGWIJS_TRACKER_STORE_URL": tracker_store_url(database_url(env)),
            **lock_store(env),
            # this checkout's packages (knowledge/, bot/components) before those the environments
            # were installed from: the Rasa environment's editable install may point elsewhere
            "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
            "WEGWIJS_RASA_URL": self.rasa_url(index),
            "WEGWIJS_ACTION_SERVER_URL": self.action_server_url(index),
            "WEGWIJS_ACTION_URL": f"{self.action_server_url(index)}/webhook",
            # the API spreads the messages over all of them (api/services/rasa_client.py)
            "WEGWIJS_RASA_URLS": ",".join(self.rasa_url(i) for i in instances),
            "WEGWIJS_ACTION_SERVER_URLS": ",".join(self.action_server_url(i) for i in instances),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "OMP_NUM_THREADS": env.get("OMP_NUM_THREADS", "2"),
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "WEGWIJS_RASA_TOKEN": self.rasa_token,
            "SANIC_HOST": "127.0.0.1",  # the action server (rasa-sdk has no --host flag; it reads SANIC_HOST)
        })
        env.update(self.extra_env)
        return env

    def _start(self, name: str, command: list[str], cwd: Path, index: int = 0) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}-{self.api_port}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=cwd, env=self.env(index), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start_actions(self, index: int = 0) -> None:
        self._start(component("actions", index), [str(RASA_BIN), "run", "actions", "--actions", "actions",
                                                   "--port", str(self.action_port + index)], ROOT / "bot", index)

    def start_rasa(self, index: int = 0) -> None:
        self._start(component("rasa", index), [
            *RASA_SERVER, "run", "--enable-api", f"--auth-token={self.rasa_token}", "-i", "127.0.0.1",
            "--port", str(self.rasa_port + index), "--model", str(current_model()),
            "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"], ROOT / "bot", index)

    def api_workers(self) -> int:
        return api_workers(self.given_env())

    def start_api(self) -> None:
        workers = self.api_workers()
        self._start("api", [str(APP_PYTHON), "-m", "uvicorn", "api.main:app", "--host", self.api_host,
                            "--port", str(self.api_port), *(["--workers", str(workers)] if workers > 1 else [])],
                    ROOT)

    def check(self) -> int:
        """The number of Rasa instances, once the settings are known to fit (StackSettingError if not)."""
        instances = self.rasa_instances
        check_ports(self.rasa_port, self.action_port, instances)
        current_model()  # fail before starting anything when there is no trained model
        self.api_workers()  # stops here when several API processes could not share their state
        return instances

    def start(self) -> None:
        instances = self.check()
        workers = self.api_workers()
        print(f">> Starting {instances} action server(s) (port {port_range(self.action_port, instances)}), "
              f"{instances} Rasa server(s) (port {port_range(self.rasa_port, instances)}) and the API "
              f"(port {self.api_port}{f', {workers} processes' if workers > 1 else ''}); logs in {self.log_dir}",
              flush=True)
        for index in range(instances):
            self.start_actions(index)
            self.start_rasa(index)
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
                starting = [name for name in self.processes if name != "api" and not self.up(name)]
                if response.status_code == 200 and not starting:
                    print(">> Wegwijs is ready", flush=True)
                    return
                detail = response.json().get("detail", "") or f"starting: {', '.join(starting)}"
            except (httpx.HTTPError, ValueError):
                detail = "API starting"
            if detail != last:
                print(f"   waiting: {detail}", flush=True)
                last = detail
            time.sleep(2)
        raise TimeoutError(f"Wegwijs not ready after {timeout_s:.0f}s: {last}")

    # --- faults, for the fault tests and evaluation/soak.py ----------------------------------

    def start_one(self, name: str) -> None:
        kind, index = kind_and_index(name)
        {"actions": self.start_actions, "rasa": self.start_rasa, "api": lambda _index: self.start_api()}[kind](index)

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
        kind, index = kind_and_index(name)
        try:
            if kind == "actions":
                return httpx.get(f"{self.action_server_url(index)}/health", timeout=3).status_code == 200
            if kind == "rasa":
                response = httpx.get(f"{self.rasa_url(index)}/status", params={"token": self.rasa_token}, timeout=3)
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
        """SIGTERM to all at once (the API first), then wait for each (SIGKILL after 20 s)."""
        names = sorted(self.processes, key=lambda name: ("api", "rasa", "actions").index(kind_and_index(name)[0]))
        for name in names:
            process = self.processes.get(name)
            if process is not None and process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for name in names:
            self.stop_one(name)


def component(kind: str, index: int) -> str:
    """The name of a server: "rasa" and "actions" for the first instance, "rasa-2", "actions-2" … after."""
    return kind if index == 0 else f"{kind}-{index + 1}"


def port_range(first: int, count: int) -> str:
    return str(first) if count == 1 else f"{first}-{first + count - 1}"


def kind_and_index(name: str) -> tuple[str, int]:
    kind, _, number = name.partition("-")
    return kind, int(number) - 1 if number else 0


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
    parser.add_argument("--api-host", default="127.0.0.1", help="for run: the API's address (default 127.0.0.1)")
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
        stack = Stack(api_port=args.api_port, api_host=args.api_host, rasa_port=args.rasa_port,
                      action_port=args.action_port, extra_env=extra_env)
        try:
            stack.start()
            stack.wait_ready()
            print(f">> Open {stack.api_url}/ in your browser (API docs: {stack.api_url}/docs). Ctrl-C stops Wegwijs.",
                  flush=True)
            while all(p.poll() is None for p in stack.processes.values()):
                time.sleep(1)
            print("!! A component stopped; see the logs in var/log. Stopping the rest.", flush=True)
            return 1
        except StackSettingError as error:
            print(f"!! {error}", file=sys.stderr, flush=True)
            return 2
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
