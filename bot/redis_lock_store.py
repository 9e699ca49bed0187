"""Rasa's Redis lock store, with every change of a conversation's lock made in one step.

Several Rasa instances share one lock store so that a conversation's turns run one at a time, in
the order they arrived, whichever instance takes them (scripts/stack.py, WEGWIJS_RASA_INSTANCES).
Rasa 3.6's RedisLockStore reads a lock, changes it and writes it back as separate commands: two
instances that get a message of the same conversation at the same moment both read "no ticket",
both take ticket 0 and run their turns at once, and the tracker's events interleave (two messages
at the same instant got the same ticket in 8 of 30 tries). Here each read-change-write is one Redis
transaction (WATCH/MULTI/EXEC, retried when another instance changed the lock in between), so every
message gets its own ticket, and a lock is deleted only when no ticket is left in it.

bot/endpoints.yml names this class when REDIS_URL is set; its `url` is that Redis URL
(redis://[:password@]host:port/db, rediss:// for TLS).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Optional, Tuple

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX,
    LOCK_LIFETIME,
    LockError,
    LockStore,
    RedisLockStore,
)
from rasa.utils.endpoints import EndpointConfig

SOCKET_TIMEOUT_S = 10  # as Rasa's own Redis lock store

# A change of one lock: the lock as stored (None: none) -> (the lock to store, None: delete it; a result)
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], Any]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        self.red = redis.Redis.from_url(endpoint_config.url, socket_timeout=SOCKET_TIMEOUT_S)
        self.key_prefix = DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX
        LockStore.__init__(self)

    def _change(self, conversation_id: str, change: Change) -> Any:
        key = self.key_prefix + conversation_id

        def transaction(pipe: redis.client.Pipeline) -> Any:
            stored = pipe.get(key)
            lock, result = change(TicketLock.from_dict(json.loads(stored)) if stored else None)
            pipe.multi()
            if lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, lock.dumps())
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take)
        except Exception as error:  # as Rasa's: the caller expects a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, _without(ticket_number, delete_when_empty=False))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """The turn is done: its ticket goes, and the lock too when nobody else waits for it."""
        self._change(conversation_id, _without(ticket_number, delete_when_empty=True))


def _without(ticket_number: int, delete_when_empty: bool) -> Change:
    def remove(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
        if lock is None:
            return None, None
        lock.remove_ticket_for(ticket_number)
        return (None if delete_when_empty and not lock.is_someone_waiting() else lock), None

    return remove
