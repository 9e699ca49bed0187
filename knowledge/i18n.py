"""The guide's own words in the citizen's language: gettext catalogs, Dutch as the source.

Every text the guide writes to a citizen (bot responses, action messages, advice, dates) is
written in Dutch in the code and marked with ``_()``. ``make translations`` extracts those texts
into ``knowledge/locales/wegwijs.pot``, updates ``knowledge/locales/<lang>/LC_MESSAGES/wegwijs.po``
(reviewed like code) and compiles the ``.mo`` files this module reads.

The language of the text being written is set per request, like Django's ``translation.override``:

    with use_locale("en"):
        text = _("U heeft 6 weken.")   # -> "You have 6 weeks."

Without ``use_locale`` (letters, editors' tools) everything stays Dutch. A missing ``.mo`` or a
message without translation falls back to the Dutch text, never to an error.
"""
from __future__ import annotations

import gettext
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from babel.dates import format_date
from babel.support import Translations

logger = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "wegwijs"
SOURCE_LOCALE = "nl"
# The key under which the API sends the conversation's language with every message to the bot.
META_LOCALE = "locale"
LOCALES = ("nl", "en")  # a third language: add it here and run `make translations LANG=xx` (README)

_current: ContextVar[str] = ContextVar("wegwijs_locale", default=SOURCE_LOCALE)


def supported(locale: str | None) -> str:
    """The supported language for a locale tag ("en-GB" -> "en"); Dutch for anything unknown."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LOCALES else SOURCE_LOCALE


@lru_cache(maxsize=None)
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (NullTranslations for Dutch or a missing catalog)."""
    if locale == SOURCE_LOCALE:
        return gettext.NullTranslations()
    catalog = Translations.load(str(LOCALES_DIR), [locale], DOMAIN)
    if not isinstance(catalog, Translations):
        logger.warning("no compiled catalog for %r in %s: run `make translations`", locale, LOCALES_DIR)
    return catalog


@contextmanager
def use_locale(locale: str | None) -> Iterator[str]:
    """Write in this language inside the block (a context variable: safe across threads and tasks)."""
    token = _current.set(supported(locale))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def current_locale() -> str:
    return _current.get()


def _(message: str) -> str:
    """The translation of a Dutch text in the current language."""
    return translations(_current.get()).gettext(message) if message else message


def N_(message: str) -> str:
    """Marks a Dutch text for the catalog where it is defined; ``_()`` translates it where it is used."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


def translate(message: str, locale: str | None) -> str:
    """One text in a given language (for callers outside a ``use_locale`` block)."""
    with use_locale(locale):
        return _(message)


def format_day(day: date) -> str:
    """A date as the guide writes it: "maandag 28 december 2026" / "Monday 28 December 2026"."""
    return format_date(day, "EEEE d MMMM y", locale=_current.get())
