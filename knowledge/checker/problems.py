"""A problem the checker found, in words an editor can act on."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR = "error"      # the card may not be published; the checker exits 1
WARNING = "warning"  # look at it soon; does not block
INFO = "info"        # detail for live feedback (e.g. each rare word), not shown per card


@dataclass(frozen=True)
class Problem:
    severity: str          # ERROR | WARNING | INFO
    code: str              # stable machine name, e.g. "sentence-too-long"
    message: str           # the sentence for the editor (Dutch)
    field: str = "body"    # front matter field, "body", "file" or "glossary"
    start: int | None = None  # character offsets in the checked text (body or field value)
    end: int | None = None
    line: int | None = None   # line in the card file, when known

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def error(code: str, message: str, field: str = "body", **where: Any) -> Problem:
    return Problem(ERROR, code, message, field, **where)


def warning(code: str, message: str, field: str = "body", **where: Any) -> Problem:
    return Problem(WARNING, code, message, field, **where)


def info(code: str, message: str, field: str = "body", **where: Any) -> Problem:
    return Problem(INFO, code, message, field, **where)
