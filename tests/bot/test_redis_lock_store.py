"""Several Rasa instances share one lock store in Redis (bot/redis_lock_store.py): turns of one
conversation that arrive at different instances at the same moment run one after the other, never
at once, and none is lost. Runs Rasa's own lock code in the Rasa environment, on the Redis at
127.0.0.1:6379 (a database of its own, keys of a new conversation)."""
from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
REDIS_URL = "redis://127.0.0.1:6379/3"
IMPORT_S = 5  # the instances start their turns together, this long after the test starts them

# Each process plays one Rasa instance: it loads the lock store as Rasa does from bot/endpoints.yml's
# `lock_store` (type and url), waits for the others, then runs TURNS turns of the same conversation.
INSTANCE = """
import asyncio, os, sys, time
sys.path.insert(0, "bot")  # Rasa runs in bot/
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig
import redis

conversation, start, turns = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
store = LockStore.create(EndpointConfig(url=os.environ["REDIS_URL"], type="redis_lock_store.AtomicRedisLockStore"))
journal = redis.Redis.from_url(os.environ["REDIS_URL"])

async def turn(n):
    async with store.lock(conversation, wait_time_in_seconds=0.01):
        journal.rpush("journal:" + conversation, f"start {os.getpid()}-{n}")
        await asyncio.sleep(0.02)  # the turn: NLU, actions, saving the tracker
        journal.rpush("journal:" + conversation, f"end {os.getpid()}-{n}")

async def main():
    while time.time() < start:
        pass
    await asyncio.gather(*(turn(n) for n in range(turns)))

asyncio.run(main())
"""
JOURNAL = """
import os, sys, redis
journal = redis.Redis.from_url(os.environ["REDIS_URL"])
key = "journal:" + sys.argv[1]
print("\\n".join(entry.decode() for entry in journal.lrange(key, 0, -1)))
journal.delete(key, "lock:" + sys.argv[1])
"""


def test_turns_of_one_conversation_on_several_instances_never_overlap():
    conversation = f"lock-test-{uuid.uuid4().hex}"
    env = {"REDIS_URL": REDIS_URL, "PATH": "/usr/bin:/bin"}
    start = str(time.time() + IMPORT_S)
    instances = [subprocess.Popen([str(RASA_PYTHON), "-W", "ignore", "-c", INSTANCE, conversation, start, "5"],
                                  cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for instance in instances:
        _, errors = instance.communicate(timeout=120)
        assert instance.returncode == 0, errors[-2000:]
    journal = subprocess.run([str(RASA_PYTHON), "-c", JOURNAL, conversation], env=env, capture_output=True,
                             text=True, check=True).stdout.splitlines()

    assert len(journal) == 2 * 3 * 5  # every turn ran (none lost)
    for started, ended in zip(journal[::2], journal[1::2]):  # each turn ends before the next starts
        assert (started.split()[0], ended.split()[0]) == ("start", "end") and started.split()[1] == ended.split()[1], \
            "\n".join(journal)
