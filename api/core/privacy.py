"""Mask personal numbers (BSN, IBAN, phone, e-mail) before anything is logged."""
from __future__ import annotations

import logging
import re

PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b", re.IGNORECASE), "[IBAN]"),
    (re.compile(r"(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){8}\d\b"), "[telefoon]"),
    (re.compile(r"\b\d{4}[.\s]?\d{2}[.\s]?\d{3}\b|\b\d{9}\b"), "[BSN]"),
)


def mask_personal_data(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class MaskingFilter(logging.Filter):
    """Logging filter: masks personal numbers in the message and its arguments.

    The structure of `record.args` is kept, because formatters (uvicorn's access log) unpack it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_personal_data(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_mask_value(value) for value in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _mask_value(value) for key, value in record.args.items()}
        return True


def _mask_value(value):
    return mask_personal_data(value) if isinstance(value, str) else value


def install_masking() -> None:
    for handler in logging.getLogger().handlers:
        handler.addFilter(MaskingFilter())
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error", "api"):
        logging.getLogger(name).addFilter(MaskingFilter())
