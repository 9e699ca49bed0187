"""What the staff console shows: the Dutch labels and the HTML of its pages and live updates.

The handoff service (api/services/handoff/) returns data; api/routes/staff.py renders it with
these helpers, and the service's pushes to the consoles pass through `console_payload`."""
from __future__ import annotations

from typing import Any, Callable

from api.core.security import templates  # the one Jinja environment of api/templates/
from knowledge.domain.case import Case, route_label

REASON_LABELS = {
    "crisis": "Crisis of gevaar", "urgent": "Dringend: zorg stopt of geen zorg",
    "request": "Vroeg om een medewerker", "request_human": "Vroeg om een medewerker",
    "kastje_muur": "Van het kastje naar de muur", "angry": "Boos of wanhopig", "deadline": "Termijn bijna voorbij",
    "not_understood": "Wegwijs begreep het twee keer niet", "offer": "Wegwijs bood een medewerker aan",
}
# The outcomes a chat can be closed with (the codes are api.services.handoff.OUTCOMES).
OUTCOME_LABELS = {
    "beantwoord": "Vraag beantwoord",
    "doorverwezen": "Doorverwezen naar een organisatie",
    "terugbelafspraak": "Terugbelafspraak gemaakt",
    "crisis_opgevolgd": "Crisis: hulp ingeschakeld",
    "geen_reactie": "Inwoner reageerde niet meer",
    "anders": "Anders",
}
SENDER_LABELS = {"citizen": "Inwoner", "bot": "Wegwijs", "staff": "Medewerker"}
HANDOFF_LABELS = {
    "waiting": "Wacht op een medewerker", "active": "In gesprek met een medewerker", "returned": "Terug bij Wegwijs",
    "closed": "Afgesloten", "none": "Bij Wegwijs", "offered": "Medewerker aangeboden", "callback": "Terugbelverzoek",
}

templates.env.globals.update(outcomes=OUTCOME_LABELS)


def reason_label(reason: str | None) -> str:
    return REASON_LABELS.get(reason or "", reason or "Onbekend")


# summary field -> its label, shown next to it as `<field>_label` (the case's fields: Case.labels())
SUMMARY_LABELS: dict[str, Callable[[Any], str]] = {
    "handoff": lambda v: HANDOFF_LABELS.get(v or "none", ""),
    "reason": reason_label,
    "outcome": lambda v: OUTCOME_LABELS.get(v or "", ""),
}


def entry(raw: dict) -> dict:
    """A transcript line: `who` wrote it (the staff member's first name, else the sender)."""
    out = {}
    for key, value in raw.items():
        if key == "author":
            out["who"] = value or SENDER_LABELS.get(raw["sender"], raw["sender"])
        else:
            out[key] = value
    return out


def summary(raw: dict) -> dict:
    """A conversation summary (or detail) with its labels and the transcript's `who`."""
    labels = Case.from_slots(raw).labels()  # the summary has the state's (and so the slots') names
    out = {}
    for key, value in raw.items():
        out[key] = [entry(m) for m in value] if key == "transcript" else value
        if key in labels:
            out[f"{key}_label"] = labels[key]
        elif key in SUMMARY_LABELS:
            out[f"{key}_label"] = SUMMARY_LABELS[key](value)
    return out


def callback(raw: dict) -> dict:
    out = {}
    for key, value in raw.items():
        if key == "route":
            out["route_label"] = route_label(value)
        elif key == "reason":
            out["reason_label"] = reason_label(value)
        elif key == "summary":
            out[key] = summary(value)
        else:
            out[key] = value
        if key == "status":
            out["status_label"] = "Open" if value == "open" else "Afgehandeld"
    return out


def with_entry(result: dict) -> dict:
    """A staff action's answer whose `message` is a transcript line."""
    return {**result, "message": entry(result["message"])}


def render_snapshot(snapshot: dict, viewer_id: int | None = None) -> dict:
    return {
        "queue": templates.get_template("staff/_queue.html").render(queue=[summary(e) for e in snapshot["queue"]]),
        "active": templates.get_template("staff/_active.html").render(active=[summary(e) for e in snapshot["active"]],
                                                                      me=viewer_id),
    }


def console_payload(payload: dict, viewer_id: int | None = None) -> dict:
    """A push from the handoff service as the console receives it: labels added, HTML rendered."""
    kind = payload.get("type")
    if kind == "message":
        message = entry(payload["message"])
        return {**payload, "message": message, "html": templates.get_template("staff/_message.html").render(m=message)}
    if kind == "note":
        return {**payload, "html": templates.get_template("staff/_note.html").render(n=payload["note"])}
    if kind == "queue" and "snapshot" in payload:
        out = {key: value for key, value in payload.items() if key != "snapshot"}
        out["html"] = render_snapshot(payload["snapshot"], viewer_id)
        return out
    return payload
