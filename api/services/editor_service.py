"""The editors' tools: list, check, draft, publish, history, rollback and knowledge gaps.

The card files stay the source of truth. Publishing checks the new text with the card checker
(knowledge/checker), writes `<cards_dir>/<id>.md` atomically (temp file + os.replace), refreshes
the running KnowledgeBase at once and records a version and an audit entry in the database.
Drafts live only in the database (`card_drafts`); the bot never reads them.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import math
import os
import re
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select

from api.core.db import Database
from api.core.privacy import mask_for_storage
from api.models import AuditEntry, CardDraft, CardVersion, Feedback, KnowledgeGap, utcnow
from knowledge.cards_model import Card, CardFormatError, card_paths, load_card, parse_card
from knowledge.checker import check_card
from knowledge.checker.glossary import load_glossary
from knowledge.checker.problems import ERROR, INFO
from knowledge.checker.readability import check_text
from knowledge.checker.schema import ID_RE, check_across_cards

REVIEW_SOON_DAYS = 30
FIELD_ORDER = ("id", "title", "summary", "questions", "tags", "sources", "audience", "reviewed", "review_by")
TAG_KEYS = ("organisation", "law", "route")
FIELD_LABELS = {
    "id": "Kenmerk (id)", "title": "Titel", "summary": "Samenvatting", "questions": "Vragen",
    "tags": "Labels", "sources": "Bronnen", "audience": "Voor wie", "reviewed": "Gecontroleerd op",
    "review_by": "Opnieuw controleren voor", "body": "Tekst", "file": "Bestand",
}
_publish_lock = threading.Lock()  # one publish at a time per process


class EditorError(Exception):
    """A refusal with a message for the editor and an HTTP status."""

    def __init__(self, message: str, status_code: int = 400, problems: list[dict] | None = None):
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.problems = problems or []


# --- card text <-> form fields ------------------------------------------------------------------


def _scalar(value: Any) -> str:
    """One YAML scalar on one line, quoted only when YAML needs it."""
    if isinstance(value, (dt.date, int, float)):
        return str(value)
    dumped = yaml.safe_dump(str(value), allow_unicode=True, width=10**6, default_flow_style=True).strip()
    if dumped.endswith("\n..."):
        dumped = dumped[:-4].rstrip()
    return dumped


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _items(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", value or "") if part.strip()]


def parse_sources(value: str) -> list[dict[str, Any]]:
    """One source per line: `url: …`, `law: …` or `seed: <file> lines 120-135`."""
    sources: list[dict[str, Any]] = []
    for line in _lines(value):
        line = line.lstrip("- ").strip()
        key, _, rest = line.partition(":")
        key, rest = key.strip().lower(), rest.strip()
        if key == "wet":
            key = "law"
        if key == "seed":
            m = re.match(r"(\S+)(?:\s+(?:lines|regels|regel)\s*:?\s*(\S+))?$", rest)
            if m:
                source: dict[str, Any] = {"seed": m.group(1)}
                if m.group(2):
                    source["lines"] = m.group(2)
                sources.append(source)
                continue
        if key in ("url", "law", "seed") and rest:
            sources.append({key: rest})
        else:
            sources.append({"onbekend": line})  # the checker says what is wrong
    return sources


def format_sources(sources: list[dict[str, Any]]) -> str:
    lines = []
    for s in sources:
        if "seed" in s:
            lines.append(f"seed: {s['seed']}" + (f" lines {s['lines']}" if s.get("lines") else ""))
        else:
            lines.extend(f"{k}: {v}" for k, v in s.items())
    return "\n".join(lines)


def card_to_fields(card: Card) -> dict[str, str]:
    meta = card.meta
    return {
        "id": card.id, "title": card.title, "summary": card.summary,
        "questions": "\n".join(card.questions),
        **{f"tags_{k}": ", ".join(card.tags.get(k, [])) for k in TAG_KEYS},
        "sources": format_sources(card.sources),
        "audience": card.audience or "both",
        "reviewed": str(meta.get("reviewed") or ""), "review_by": str(meta.get("review_by") or ""),
        "body": card.body,
    }


def empty_fields(card_id: str = "", question: str = "", today: dt.date | None = None) -> dict[str, str]:
    today = today or dt.date.today()
    return {"id": card_id, "title": question[:1].upper() + question[1:] if question else "", "summary": "",
            "questions": question, "tags_organisation": "", "tags_law": "", "tags_route": "", "sources": "",
            "audience": "both", "reviewed": today.isoformat(),
            "review_by": today.replace(year=today.year + 1).isoformat() if not (today.month == 2 and today.day == 29)
            else (today + dt.timedelta(days=365)).isoformat(), "body": ""}


def fields_to_text(fields: dict[str, Any]) -> str:
    """The card file for the form fields, in the layout of docs/contracts.md."""
    get = lambda name: str(fields.get(name) or "").strip()  # noqa: E731
    out = ["---"]
    out.append(f"id: {_scalar(get('id'))}" if get("id") else "id:")
    for name in ("title", "summary"):
        out.append(f"{name}: {_scalar(get(name))}" if get(name) else f"{name}:")
    questions = _lines(get("questions"))
    out.append("questions:" if questions else "questions: []")
    out.extend(f"  - {_scalar(q.lstrip('- ').strip())}" for q in questions)
    out.append("tags:")
    for key in TAG_KEYS:
        out.append(f"  {key}: [{', '.join(_scalar(v) for v in _items(get('tags_' + key)))}]")
    sources = parse_sources(get("sources"))
    out.append("sources:" if sources else "sources: []")
    for s in sources:
        first = True
        for key, value in s.items():
            out.append(f"  {'- ' if first else '  '}{key}: {_scalar(value)}")
            first = False
    out.append(f"audience: {_scalar(get('audience'))}" if get("audience") else "audience:")
    for name in ("reviewed", "review_by"):
        out.append(f"{name}: {get(name)}" if get(name) else f"{name}:")
    out.append("---")
    body = str(fields.get("body") or "").replace("\r\n", "\n").strip()
    return "\n".join(out) + "\n" + body + "\n"


def compose(fields: dict[str, Any], old_text: str | None) -> str:
    """The card text for the form; keeps the old front matter as written when only the body changed
    (so the history shows the real change, not a different YAML quoting)."""
    text = fields_to_text(fields)
    if old_text:
        try:
            old, new = parse_card(old_text), parse_card(text)
        except CardFormatError:
            return text
        if _same_meta(old.meta, new.meta):
            match = re.match(r"\A\ufeff?---[ \t]*\r?\n.*?^---[ \t]*(?:\r?\n|\Z)", old_text, re.S | re.M)
            if match:
                return match.group(0).rstrip("\r\n") + "\n" + new.body.strip() + "\n"
    return text


def _same_meta(a: dict, b: dict) -> bool:
    def norm(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): norm(v) for k, v in value.items()}
        if isinstance(value, list):
            return [norm(v) for v in value]
        return "" if value is None else str(value)

    return norm(a) == norm(b)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- status of the cards -------------------------------------------------------------------------


@dataclass
class CardRow:
    id: str
    title: str
    summary: str
    review_by: dt.date | None
    has_draft: bool
    review: str  # "" | "soon" | "overdue"
    broken: str = ""
    text: str = field(default="", repr=False)

    @property
    def status_labels(self) -> list[tuple[str, str]]:
        labels = [("published", "Gepubliceerd")] if not self.broken else [("broken", "Bestand kapot")]
        if self.has_draft:
            labels.append(("draft", "Concept"))
        if self.review == "overdue":
            labels.append(("overdue", "Controle te laat"))
        elif self.review == "soon":
            labels.append(("soon", "Controle binnenkort"))
        return labels


def review_state(review_by: dt.date | None, today: dt.date) -> str:
    if review_by is None:
        return ""
    if review_by < today:
        return "overdue"
    if (review_by - today).days <= REVIEW_SOON_DAYS:
        return "soon"
    return ""


def review_due(cards_dir: Path, today: dt.date) -> list[tuple[str, dt.date | None, str]]:
    """Cards past or within 30 days of review_by (and unreadable ones): (id, review_by, state)."""
    due = []
    for path in card_paths(cards_dir):
        try:
            card = load_card(path)
        except (CardFormatError, UnicodeDecodeError):
            due.append((path.stem, None, "broken"))
            continue
        state = review_state(card.review_by, today) if card.review_by else "overdue"
        if state:
            due.append((card.id or path.stem, card.review_by, state))
    return sorted(due, key=lambda d: (d[1] or dt.date.min, d[0]))


# --- the service ---------------------------------------------------------------------------------


class EditorService:
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

    # list ---------------------------------------------------------------------------------------
    def list_cards(self, query: str = "", status: str = "") -> list[CardRow]:
        today = self.today()
        with self.db.session() as session:
            drafts = set(session.scalars(select(CardDraft.card_id)))
        rows: list[CardRow] = []
        for path in card_paths(self.cards_dir):
            text = path.read_text(encoding="utf-8", errors="replace")
            try:
                card = parse_card(text, path)
                rows.append(CardRow(card.id or path.stem, card.title or path.stem, card.summary, card.review_by,
                                    card.id in drafts, review_state(card.review_by, today), text=text))
            except CardFormatError as exc:
                rows.append(CardRow(path.stem, path.stem, "", None, path.stem in drafts, "", str(exc), text))
        known = {r.id for r in rows}
        for card_id in sorted(drafts - known):  # new cards that only exist as a draft
            rows.append(CardRow(card_id, card_id, "", None, True, "", text=""))
        words = [w for w in query.lower().split() if w]
        if words:
            rows = [r for r in rows if all(w in f"{r.id}\n{r.title}\n{r.text}".lower() for w in words)]
        if status == "draft":
            rows = [r for r in rows if r.has_draft]
        elif status == "review":
            rows = [r for r in rows if r.review]
        return rows

    # check --------------------------------------------------------------------------------------
    def check(self, text: str, expect_id: str | None = None) -> dict[str, Any]:
        """All checker problems for a card text; body offsets refer to the card's body."""
        try:
            card = parse_card(text, Path(f"{expect_id or 'kaart'}.md"))
        except CardFormatError as exc:
            problem = {"severity": ERROR, "code": "unreadable", "field": "file",
                       "message": f"De kaart is niet te lezen: {exc}"}
            return {"ok": False, "problems": [problem], "marks": [], "body": "", "measures": None}
        if not card.path or card.path.stem != card.id:
            card.path = Path(f"{card.id or 'kaart'}.md")
        report = check_card(card, today=self.today())
        problems = list(report.problems)
        if expect_id and card.id and card.id != expect_id:
            problems.append(_problem_error("id-changed", f"het kenmerk (id) moet '{expect_id}' blijven; maak "
                                           "voor een ander kenmerk een nieuwe kaart", "id"))
        # questions shared with other cards, a duplicate id: the checks across cards
        others = []
        for path in card_paths(self.cards_dir):
            if path.stem == card.id:
                continue
            try:
                others.append(load_card(path))
            except (CardFormatError, UnicodeDecodeError):
                continue
        shared = check_across_cards(others + [card]).get(card.path, [])
        problems += shared
        marks = []
        if card.body.strip():
            glossary = load_glossary().words
            for p in check_text(card.body, glossary):
                if p.start is not None and p.code in ("rare-word", "sentence-too-long", "informal-address"):
                    marks.append({"kind": p.code, "start": p.start, "end": p.end, "message": p.message})
        shown = [_problem_dict(p) for p in problems if p.severity != INFO]
        shown.sort(key=lambda p: (p["severity"] != ERROR, FIELD_ORDER.index(p["field"])
                                  if p["field"] in FIELD_ORDER else 99))
        measures = report.measures.to_dict() if report.measures else None
        return {"ok": not any(p["severity"] == ERROR for p in shown), "card_id": card.id, "problems": shown,
                "marks": marks, "body": card.body, "title": card.title, "measures": measures,
                "summary": report.measures.summary_line() if report.measures else ""}

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
        with _publish_lock:
            old_text = self.file_text(card_id)
            if base_sha and old_text is not None and sha(old_text) != base_sha:
                raise EditorError("Iemand anders heeft deze kaart intussen veranderd. Open de kaart opnieuw en "
                                  "kijk wat er anders is.", 409)
            if old_text == text:
                raise EditorError("Er is niets veranderd: deze tekst staat al live.", 409)
            t = time.perf_counter()
            write_atomic(path, text)
            timings["write_s"] = time.perf_counter() - t
            version = self._record(card_id, old_text, text, user, action)
        t = time.perf_counter()
        refreshed = self.refresh_index()
        timings["refresh_s"] = time.perf_counter() - t
        live = self.knowledge.card(card_id) if self.knowledge is not None else None
        searchable = live is not None and live.body.strip() == parse_card(text).body.strip()
        timings["total_s"] = time.perf_counter() - start
        self.discard_draft(card_id)
        return {"ok": True, "card_id": card_id, "version": version, "searchable": searchable,
                "index_refreshed": refreshed, "timings": {k: round(v, 4) for k, v in timings.items()},
                "warnings": [p for p in result["problems"] if p["severity"] != ERROR],
                "message": f"Gepubliceerd (versie {version}). De chatbot gebruikt de nieuwe tekst nu."}

    def refresh_index(self) -> bool:
        """Refresh the running KnowledgeBase now (the watcher would do it within a few seconds)."""
        return self.knowledge.refresh()

    def _record(self, card_id: str, old_text: str | None, new_text: str, user: Any, action: str) -> int:
        with self.db.session() as session:
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
            diff = "".join(difflib.unified_diff(previous.splitlines(keepends=True), v.text.splitlines(keepends=True),
                                                f"versie {v.version - 1}" if previous else "leeg",
                                                f"versie {v.version}", n=2))
            rows.append({"version": v.version, "source": v.source, "by": v.created_by_name,
                         "at": v.created_at, "diff": diff, "live": v.text == current})
            previous = v.text
        if current is not None and versions and versions[-1].text != current:
            diff = "".join(difflib.unified_diff(previous.splitlines(keepends=True), current.splitlines(keepends=True),
                                                f"versie {versions[-1].version}", "bestand nu", n=2))
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

    # gaps ---------------------------------------------------------------------------------------
    def gaps(self, days: int = 90, limit: int = 1000) -> list[dict[str, Any]]:
        """Low-confidence questions and 'not helpful' answers, grouped by similarity, newest first."""
        since = utcnow() - dt.timedelta(days=days)
        with self.db.session() as session:
            low = session.execute(select(KnowledgeGap.question, KnowledgeGap.created_at)
                                  .where(KnowledgeGap.created_at >= since)
                                  .order_by(KnowledgeGap.id.desc()).limit(limit)).all()
            bad = session.execute(select(Feedback.question, Feedback.card_id, Feedback.created_at)
                                  .where(Feedback.helpful.is_(False), Feedback.created_at >= since)
                                  .order_by(Feedback.id.desc()).limit(limit)).all()
        items = [{"question": mask_for_storage(q or ""), "kind": "low", "card_id": None, "at": _aware(at)}
                 for q, at in low if (q or "").strip()]
        items += [{"question": mask_for_storage(q or ""), "kind": "not_helpful", "card_id": c, "at": _aware(at)}
                  for q, c, at in bad if (q or "").strip()]
        items.sort(key=lambda i: i["at"], reverse=True)
        return group_questions(items, self._embedder())

    def _embedder(self):
        model = self.knowledge.model
        if model is None:
            return None
        from knowledge.embedding.model import encode_queries

        return lambda texts: encode_queries(model, texts)


def record_gap(db: Database, question: str) -> None:
    """Remember a question no card answered (numbers, names and addresses masked). Never fails the caller."""
    from api.services.language_check import looks_like_language

    question = (question or "").strip()[:1000]
    if not question or question.startswith("/") or not looks_like_language(question):
        return
    try:
        with db.session() as session:
            session.add(KnowledgeGap(question=mask_for_storage(question)))
    except Exception:  # noqa: BLE001 - a gap log must never break an answer
        import logging

        logging.getLogger("api.editor").exception("knowledge gap not recorded")


# --- grouping ------------------------------------------------------------------------------------

EMBEDDING_SIMILARITY = 0.9   # e5 cosines are high overall; 0.9 joins rewordings of one question
TFIDF_SIMILARITY = 0.45


def _tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in _STOPWORDS]


_STOPWORDS = frozenset("""de het een en van ik mijn wat hoe kan moet wie waar wanneer waarom is zijn dat die dit
    voor met mij mag niet wel ook aan bij naar als dan nog heb heeft hebben wordt worden word zou
    kunnen over maar door om uit tot of er op te in je u uw we wij ze zij hij zij the""".split())


def _tfidf(texts: list[str]) -> list[dict[str, float]]:
    docs = [Counter(_tokens(t)) for t in texts]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    vectors = []
    for d in docs:
        v = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def group_questions(items: list[dict[str, Any]], embed=None) -> list[dict[str, Any]]:
    """Greedy grouping: each question joins the first group whose first question is similar enough."""
    if not items:
        return []
    texts = [i["question"] for i in items]
    similarity = None
    if embed is not None:
        try:
            import numpy as np

            vecs = np.asarray(embed(texts), dtype=float)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-12
            sims = vecs @ vecs.T
            similarity = (lambda a, b: float(sims[a, b])), EMBEDDING_SIMILARITY, "embedding"
        except Exception:  # noqa: BLE001 - fall back to TF-IDF
            similarity = None
    if similarity is None:
        vectors = _tfidf(texts)
        similarity = ((lambda a, b: sum(x * vectors[b].get(w, 0.0) for w, x in vectors[a].items())),
                      TFIDF_SIMILARITY, "tfidf")
    sim, threshold, method = similarity
    groups: list[dict[str, Any]] = []
    leaders: list[int] = []
    for index, item in enumerate(items):
        key = " ".join(_tokens(item["question"])) or item["question"].lower()
        for group, leader in zip(groups, leaders):
            if sim(index, leader) >= threshold or key == group["key"]:
                group["items"].append(item)
                break
        else:
            groups.append({"key": key, "question": item["question"], "items": [item], "method": method})
            leaders.append(index)
    for group in groups:
        group["count"] = len(group["items"])
        group["newest"] = group["items"][0]["at"]
        group["low"] = sum(1 for i in group["items"] if i["kind"] == "low")
        group["not_helpful"] = group["count"] - group["low"]
        group["cards"] = sorted({i["card_id"] for i in group["items"] if i["card_id"]})
        group["examples"] = list(dict.fromkeys(i["question"] for i in group["items"]))[:5]
    groups.sort(key=lambda g: g["newest"], reverse=True)
    return groups


# --- helpers -------------------------------------------------------------------------------------


def write_atomic(path: Path, text: str) -> None:
    """Write a file so readers see the old or the new text, never half of it.

    The temp file starts with a dot and ends in .tmp, so the card loader never reads it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, 0o644)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _aware(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _problem_error(code: str, message: str, field_name: str) -> Any:
    from knowledge.checker.problems import error

    return error(code, message, field=field_name)


def _problem_dict(p: Any) -> dict[str, Any]:
    d = p.to_dict()
    name = d.get("field", "")
    source = re.fullmatch(r"sources\[(\d+)\]", name)  # the checker's "sources[2]": the second source line
    d["label"] = f"{FIELD_LABELS['sources']} (bron {source.group(1)})" if source else FIELD_LABELS.get(name, name)
    d["message"] = _sentence(d["message"])
    return d


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 2)
    return value


def count_due(cards_dir: Path, today: dt.date) -> int:
    return sum(1 for _, _, state in review_due(cards_dir, today) if state in ("overdue", "broken"))


__all__ = ["EditorService", "EditorError", "record_gap", "fields_to_text", "card_to_fields", "review_due",
           "group_questions", "write_atomic"]
