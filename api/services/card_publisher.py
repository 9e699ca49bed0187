"""Changing the cards from the editors' tools: drafts, publish, history, rollback and audit.

The card files stay the source of truth. Publishing checks the new text with the card checker
(api/services/card_check.py), writes `<cards_dir>/<id>.md` atomically (knowledge/card_file.py),
records a version and an audit entry in the database, and refreshes the KnowledgeBase at once, in
this worker and (through the change bus) in the other API workers.
Publishes are one at a time across the workers: the file is compared, written and its version
numbered under a lock in the database (api/core/db_locks.py), so two publishes at once get
versions n+1 and n+2, never the same number.
Drafts live only in the database (`card_drafts`); the bot never reads them.
"""
from __future__ import annotations

import datetime as dt
import difflib
import time
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.core.db import Database
from api.core.db_locks import write_lock
from api.models import AuditEntry, CardDraft, CardVersion, utcnow
from api.services.card_check import check_card_text
from api.services.gemeenten import gemeenten_of
from knowledge.card_file import sha, write_atomic
from knowledge.cards_model import parse_card
from knowledge.checker.problems import ERROR
from knowledge.checker.schema import ID_RE

PUBLISH_LOCK = "card-publish"  # one publish at a time, across the API's workers


class EditorError(Exception):
    """A refusal with a message for the editor and an HTTP status."""

    def __init__(self, message: str, status_code: int = 400, problems: list[dict] | None = None):
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.problems = problems or []


class CardPublisher:
    def __init__(self, db: Database, settings: Any, knowledge: Any):
        self.db = db
        self.settings = settings
        self.knowledge = knowledge  # api.services.knowledge_service.KnowledgeService

    @property
    def cards_dir(self) -> Path:
        return Path(self.settings.cards_dir)

    def today(self) -> dt.date:
        return self.settings.today()

    def path_of(self, card_id: str) -> Path:
        if not ID_RE.fullmatch(card_id or ""):
            raise EditorError("Dit kenmerk mag alleen kleine letters, cijfers en streepjes hebben.", 404)
        return self.cards_dir / f"{card_id}.md"

    def file_text(self, card_id: str) -> str | None:
        path = self.path_of(card_id)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def check(self, text: str, expect_id: str | None = None) -> dict[str, Any]:
        """All checker problems for a card text against the cards folder (see card_check)."""
        return check_card_text(text, self.cards_dir, self.today(), expect_id, self.settings.seeds_dir,
                               set(gemeenten_of(self.settings).by_code))

    # drafts -------------------------------------------------------------------------------------
    def draft(self, card_id: str) -> CardDraft | None:
        with self.db.session() as session:
            return session.get(CardDraft, card_id)

    def save_draft(self, card_id: str, text: str, user: Any) -> None:
        self.path_of(card_id)
        with self.db.session() as session:
            draft = session.get(CardDraft, card_id)
            if draft is None:
                session.add(CardDraft(card_id=card_id, text=text, updated_by=user.id))
            else:
                draft.text, draft.updated_by, draft.updated_at = text, user.id, utcnow()

    def discard_draft(self, card_id: str) -> None:
        with self.db.session() as session:
            session.execute(delete(CardDraft).where(CardDraft.card_id == card_id))

    # publish ------------------------------------------------------------------------------------
    def publish(self, card_id: str, text: str, user: Any, *, action: str = "publish",
                base_sha: str | None = None) -> dict[str, Any]:
        """Check, write the file atomically, refresh the index, record version + audit.

        Raises EditorError (422 with the problems) when the checker finds an error, 409 when the
        file changed since the editor opened it (base_sha)."""
        timings: dict[str, float] = {}
        start = time.perf_counter()
        path = self.path_of(card_id)
        text = text.replace("\r\n", "\n")
        if not text.endswith("\n"):
            text += "\n"
        result = self.check(text, expect_id=card_id)
        if not result.get("card_id"):
            result["ok"] = False
        timings["check_s"] = time.perf_counter() - start
        if not result["ok"]:
            errors = [p for p in result["problems"] if p["severity"] == ERROR]
            raise EditorError("De kaart is niet gepubliceerd. Verbeter eerst deze punten:", 422, errors)
        with self.db.session() as session:
            write_lock(session, PUBLISH_LOCK)  # until this transaction commits
            old_text = self.file_text(card_id)
            if base_sha and old_text is not None and sha(old_text) != base_sha:
                raise EditorError("Iemand anders heeft deze kaart intussen veranderd. Open de kaart opnieuw en "
                                  "kijk wat er anders is.", 409)
            if old_text == text:
                raise EditorError("Er is niets veranderd: deze tekst staat al live.", 409)
            t = time.perf_counter()
            write_atomic(path, text)
            timings["write_s"] = time.perf_counter() - t
            version = self._record(session, card_id, old_text, text, user, action)
        t = time.perf_counter()
        refreshed = self.knowledge.published()  # now, here and in the other workers
        timings["refresh_s"] = time.perf_counter() - t
        live = self.knowledge.card(card_id) if self.knowledge is not None else None
        searchable = live is not None and live.body.strip() == parse_card(text).body.strip()
        timings["total_s"] = time.perf_counter() - start
        self.discard_draft(card_id)
        return {"ok": True, "card_id": card_id, "version": version, "searchable": searchable,
                "index_refreshed": refreshed, "timings": {k: round(v, 4) for k, v in timings.items()},
                "warnings": [p for p in result["problems"] if p["severity"] != ERROR],
                "message": f"Gepubliceerd (versie {version}). De chatbot gebruikt de nieuwe tekst nu."}

    @staticmethod
    def _record(session: Session, card_id: str, old_text: str | None, new_text: str, user: Any, action: str) -> int:
        last = session.scalar(select(CardVersion).where(CardVersion.card_id == card_id)
                              .order_by(CardVersion.version.desc()).limit(1))
        number = last.version if last else 0
        if old_text is not None and (last is None or last.text != old_text):
            # the file as it was before (first edit here, or changed by a developer)
            number += 1
            session.add(CardVersion(card_id=card_id, version=number, text=old_text, source="file",
                                    created_by_name="bestand"))
        number += 1
        session.add(CardVersion(card_id=card_id, version=number, text=new_text, source=action,
                                created_by=user.id, created_by_name=user.username))
        session.add(AuditEntry(user_id=user.id, username=user.username, action=action, card_id=card_id,
                               version=number, old_text=old_text, new_text=new_text))
        return number

    # history ------------------------------------------------------------------------------------
    def history(self, card_id: str) -> list[dict[str, Any]]:
        """Versions newest first, each with the unified diff against the version before it."""
        with self.db.session() as session:
            versions = list(session.scalars(select(CardVersion).where(CardVersion.card_id == card_id)
                                            .order_by(CardVersion.version)))
        current = self.file_text(card_id)
        rows = []
        previous = ""
        for v in versions:
            diff = _diff(previous, v.text, f"versie {v.version - 1}" if previous else "leeg", f"versie {v.version}")
            rows.append({"version": v.version, "source": v.source, "by": v.created_by_name,
                         "at": v.created_at, "diff": diff, "live": v.text == current})
            previous = v.text
        if current is not None and versions and versions[-1].text != current:
            diff = _diff(previous, current, f"versie {versions[-1].version}", "bestand nu")
            rows.append({"version": None, "source": "file", "by": "bestand (na de laatste versie veranderd)",
                         "at": None, "diff": diff, "live": True})
        return list(reversed(rows))

    def version_text(self, card_id: str, version: int) -> str:
        with self.db.session() as session:
            found = session.scalar(select(CardVersion).where(CardVersion.card_id == card_id,
                                                             CardVersion.version == version))
        if found is None:
            raise EditorError(f"Versie {version} van deze kaart bestaat niet.", 404)
        return found.text

    def rollback(self, card_id: str, version: int, user: Any) -> dict[str, Any]:
        return self.publish(card_id, self.version_text(card_id, version), user, action="rollback")

    def audit(self, card_id: str | None = None, limit: int = 50) -> list[AuditEntry]:
        with self.db.session() as session:
            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if card_id:
                query = query.where(AuditEntry.card_id == card_id)
            return list(session.scalars(query))


def _diff(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        old_name, new_name, n=2))
