"""Mask personal data before anything is logged, and before citizens' free text is stored for editors.

`mask_personal_data` masks numbers and addresses that identify a person, however they are written:
BSN (`123456789`, `123 456 789`, `1234.56.789`), Dutch phone numbers (`06-12345678`,
`020 - 123 45 67`, `+31 6 1234 5678`, `0031 …`, `(020) …`), international numbers with `+`/`00`,
IBANs (with spaces, in lowercase) and e-mail addresses (also `naam (at) domein.nl`). URL-encoded text
(`%40`, `%20`, also encoded twice) is decoded first, so it is masked too.

`mask_for_storage` also masks names and addresses with a simple heuristic (see `api/core/names.py`).

`MaskingFilter` applies the masking to every log record: message, arguments, exception text (the
traceback) and stack info. In access-log paths, conversation ids become `{id}` and query values `…`.
"""
from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl

from api.core.names import mask_names_and_addresses

# Between the digits of one number: spaces, dots, dashes, slashes, brackets and '+' (a space in a
# form-encoded query), at most four in a row ("(020) - 123").
_SEP = r"[\s.\-/()+]{0,4}"
# A number must not be part of a longer run of digit groups (an IP address, a long reference).
_NOT_AFTER_DIGITS = r"(?<!\d)(?<!\d[.\-/])"
_NOT_BEFORE_DIGITS = r"(?!\d)(?![.\-/]\d)"

EMAIL = re.compile(
    r"(?<![\w.!#$%&'*+/=?^`{|}~-])"      # starts where a run of address characters starts (linear time)
    r"[\w.!#$%&'*+/=?^`{|}~-]+"          # local part (RFC 5322 atext)
    r"[\s+]?(?:@|＠|\((?:at|AT)\)|\[(?:at|AT)\])[\s+]?"
    r"[\w-]+(?:\.[\w-]+)+"
)
IBAN_NL = re.compile(r"(?<![^\W\d_])[A-Za-z]{2}[\s.\-+]{0,2}\d{2}[\s.\-+]{0,2}[A-Za-z]{4}(?:[\s.\-+]{0,2}\d){10}(?!\d)")
IBAN_OTHER = re.compile(r"(?<![^\W\d_])[A-Za-z]{2}\d{2}(?:[\s\-+]?[A-Za-z0-9]{4}){2,7}(?:[\s\-+]?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])")
PHONE_NL = re.compile(
    _NOT_AFTER_DIGITS
    + r"(?:(?:\+|00)[\s.\-+]{0,2}31[\s.\-+]{0,3}(?:\(\s?0\s?\)[\s.\-+]{0,3})?|\(?0)"
    + r"\d(?:" + _SEP + r"\d){8}" + _NOT_BEFORE_DIGITS
)
PHONE_INTERNATIONAL = re.compile(
    r"(?<![\w+])(?:\+|00)[\s+]?[1-9]\d{0,2}[\s.\-+]{0,3}(?:\(\s?0\s?\)[\s.\-+]{0,3})?"
    + r"\d(?:" + _SEP + r"\d){6,12}" + _NOT_BEFORE_DIGITS
)
BSN = re.compile(_NOT_AFTER_DIGITS + r"\d(?:" + _SEP + r"\d){8}" + _NOT_BEFORE_DIGITS)

# Dates look like numbers with separators; they are kept apart so that "13-11-2026 14 dagen" stays readable.
_DAY, _MONTH, _YEAR = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:19|20)\d{2}"
DATE = re.compile(
    rf"(?<!\d)(?<!\d[\s.\-/+])(?:{_DAY}([-./]){_MONTH}\1{_YEAR}|{_YEAR}-{_MONTH}-{_DAY})(?!\d)"
)
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ESCAPED_SPACE = re.compile(r"\\(?:x[aA]0|u(?:00[aA]0|20[0-9aA]|202[fF]|3000)|[tnr])")


def _iban(match: re.Match) -> str:
    text = match.group(0)
    return "[IBAN]" if sum(c.isdigit() for c in text) >= 8 else text


PATTERNS: tuple[tuple[re.Pattern, object], ...] = (  # after EMAIL and with dates kept apart
    (IBAN_NL, "[IBAN]"),
    (IBAN_OTHER, _iban),
    (PHONE_NL, "[telefoon]"),
    (BSN, "[BSN]"),
    (PHONE_INTERNATIONAL, "[telefoon]"),
)


def decode_percent(text: str) -> str:
    """Undo URL encoding (also when applied twice) so that encoded personal data is seen.

    A run of escapes that is not UTF-8 text (`%00`, `%FF`) stays as it is: it is no text to mask,
    and `%` may be part of an e-mail address."""

    def decode(match: re.Match) -> str:
        run = match.group(0)
        try:
            decoded = bytes.fromhex(run.replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return run
        return run if any(ord(c) < 32 or ord(c) == 127 for c in decoded) else decoded

    for _ in range(3):
        decoded = _PERCENT_RUN.sub(decode, text)
        if decoded == text:
            break
        text = decoded
    return text


def mask_personal_data(text: str, decode: bool = True) -> str:
    """BSN, phone numbers, IBANs and e-mail addresses replaced by a label; dates stay as they are.

    URL-encoded text is decoded first. `decode=False` for a logging
    format string, whose `%02d` must not be read as URL encoding."""
    return _mask_plain(decode_percent(text) if decode else text)


def _mask_plain(text: str) -> str:
    text = _ESCAPED_SPACE.sub(" ", text)  # repr() in exception messages writes a no-break space as \xa0
    text = EMAIL.sub("[e-mail]", text)  # before dates: "2000-1-1@x.nl" is an address
    dates: list[str] = []

    def keep(match: re.Match) -> str:
        dates.append(match.group(0))
        return f"\ue000{len(dates) - 1}\ue001"

    text = DATE.sub(keep, text)
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return _PLACEHOLDER.sub(lambda m: dates[int(m.group(1))], text) if dates else text


def mask_for_storage(text: str, decode: bool = True) -> str:
    """For citizens' free text kept for editors: personal numbers, names and addresses masked."""
    return mask_names_and_addresses(mask_personal_data(text, decode))


# --- logs -------------------------------------------------------------------------------------

_ID_SEGMENT = re.compile(r"(?<=/)(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})(?=/|$|\?)")
_SHORT_NUMBER = re.compile(r"\d{1,6}")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,30}")


def mask_path(path: str) -> str:
    """An access-log path: conversation ids -> {id}, query values -> … (short numbers stay)."""
    path, question, query = path.partition("?")
    path = mask_personal_data(_ID_SEGMENT.sub("{id}", path))
    if not question:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    shown = "&".join(f"{key if _PLAIN_KEY.fullmatch(key) else '…'}={value if _SHORT_NUMBER.fullmatch(value) else '…'}"
                     for key, value in pairs)
    return f"{path}?{shown}"


def _mask_value(value):
    if not isinstance(value, str):
        return value
    return mask_path(value) if value.startswith("/") else mask_for_storage(value)


class MaskingFilter(logging.Filter):
    """Logging filter: masks personal data in the message, its arguments and its traceback.

    The structure of `record.args` is kept, because formatters (uvicorn's access log) unpack it.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_wegwijs_masked", False):
            return True
        if isinstance(record.msg, str):
            record.msg = mask_for_storage(record.msg, decode=not record.args)
        if isinstance(record.args, tuple):
            record.args = tuple(_mask_value(value) for value in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _mask_value(value) for key, value in record.args.items()}
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_for_storage(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_for_storage(record.stack_info)
        record._wegwijs_masked = True
        return True


def install_masking() -> None:
    """Mask on every handler and on the loggers that have their own handlers (uvicorn)."""
    names = ("", "uvicorn", "uvicorn.access", "uvicorn.error", "api", "sqlalchemy")
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskingFilter) for f in logger.filters):
            logger.addFilter(MaskingFilter())
        for handler in logger.handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())
