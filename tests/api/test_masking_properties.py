"""Property-based: however a citizen writes a BSN, phone number, IBAN or e-mail address, and however
the text is encoded on its way into a log line (plain, URL-encoded, form-encoded, twice encoded,
inside a traceback), the logged line does not contain it."""
from __future__ import annotations

import io
import logging
import re
from urllib.parse import quote, quote_plus

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.core.privacy import MaskingFilter, mask_personal_data

# Context words without digits or '@', so that any digit left in a masked line is a leak.
WORDS = st.sampled_from(["mijn", "bsn", "is", "bel", "me", "op", "nummer", "rekening", "mail", "naar", "graag",
                         "telefoon", "tel:", "iban:", "(mobiel)", "en", "of", "dank", "u", "wel", "Vraag:", "-"])
SEPARATORS = st.sampled_from(["", " ", "-", " - ", ".", "  ", "\u00a0", "/"])


def _digits(n: int):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


def _grouped(digits: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(digits[i:i + size])
        i += size
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(part for part in out if part)


@st.composite
def bsns(draw) -> str:
    digits = draw(_digits(9))
    layout = draw(st.sampled_from([[9], [3, 3, 3], [4, 2, 3], [2, 2, 2, 3], [3, 2, 2, 2], [1, 8]]))
    sep = draw(st.sampled_from(["", " ", ".", "-", " . ", "+"]))
    return _grouped(digits, layout, sep)


@st.composite
def phones(draw) -> str:
    mobile = draw(st.booleans())
    if mobile:
        area, rest = "6", draw(_digits(8))
    else:
        area = draw(st.sampled_from(["10", "20", "30", "40", "70", "13", "50", "172", "251", "592"]))
        rest = draw(_digits(9 - len(area)))
    prefix = draw(st.sampled_from(["0", "+31", "+31 ", "0031", "0031 ", "+31 (0)", "+31(0)", "(0", "+31-", "00 31 "]))
    sep = draw(SEPARATORS)
    layout = draw(st.sampled_from([[len(rest)], [4, 4], [3, 2, 2], [2, 2, 2, 2], [3, 4], [4, 2, 2], [2, 3, 3]]))
    body = _grouped(rest, layout, draw(st.sampled_from([" ", "", "-", "."])))
    if prefix == "(0":
        return f"(0{area}){draw(st.sampled_from([' ', '', ' - ']))}{body}"
    return f"{prefix}{area}{sep}{body}"


@st.composite
def ibans(draw) -> str:
    country = draw(st.sampled_from(["NL", "BE", "DE"]))
    check = draw(_digits(2))
    if country == "NL":
        bank = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4))
        raw = f"NL{check}{bank}{draw(_digits(10))}"
    elif country == "BE":
        raw = f"BE{check}{draw(_digits(12))}"
    else:
        raw = f"DE{check}{draw(_digits(18))}"
    spaced = draw(st.booleans())
    text = " ".join(raw[i:i + 4] for i in range(0, len(raw), 4)) if spaced else raw
    case = draw(st.sampled_from(["upper", "lower", "mixed"]))
    if case == "lower":
        text = text.lower()
    elif case == "mixed":
        text = text[:2].lower() + text[2:]
    return text


emails = st.one_of(
    st.emails(),
    st.builds(lambda user, host, tld, at: f"{user}{at}{host}.{tld}",
              st.from_regex(r"[a-zA-Z][a-zA-Z0-9._+-]{0,20}[a-zA-Z0-9]", fullmatch=True),
              st.from_regex(r"[a-zA-Z][a-zA-Z0-9-]{0,15}[a-zA-Z0-9]", fullmatch=True),
              st.sampled_from(["nl", "com", "NL", "org", "co.uk", "amsterdam"]),
              st.sampled_from(["@", " @ ", "(at)", "[at]", "@"])),
)

ENCODINGS = {
    "plain": lambda s: s,
    "url": lambda s: quote(s, safe=""),
    "form": quote_plus,
    "twice": lambda s: quote(quote(s, safe=""), safe=""),
    "path": lambda s: quote(s, safe="/:@"),
}


def _logged(message: str, *args, exc: BaseException | None = None) -> str:
    """What a handler with the masking filter writes for one record."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    logger = logging.getLogger("api.test-masking")
    logger.propagate = False
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    if exc is not None:
        try:
            raise exc
        except BaseException:  # noqa: BLE001
            logger.exception(message, *args)
    else:
        logger.info(message, *args)
    return stream.getvalue()


def _access_line(path: str) -> str:
    """uvicorn's access log record, formatted by uvicorn's own formatter."""
    from uvicorn.logging import AccessFormatter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False))
    handler.addFilter(MaskingFilter())
    logger = logging.getLogger("uvicorn.access.test-masking")
    logger.propagate = False
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    logger.info('%s - "%s %s HTTP/%s" %d', "client", "GET", path, "1.1", 200)
    return stream.getvalue().replace('HTTP/1.1" 200', "")


def _sentence(draw, secret: str) -> str:
    before = " ".join(draw(st.lists(WORDS, max_size=3)))
    after = " ".join(draw(st.lists(WORDS, max_size=3)))
    return f"{before} {secret} {after}".strip()


NUMBERS = st.one_of(bsns(), phones(), ibans())


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data(), secret=NUMBERS, encoding=st.sampled_from(sorted(ENCODINGS)))
def test_no_personal_number_survives_in_a_logged_line(data, secret, encoding):
    text = ENCODINGS[encoding](_sentence(data.draw, secret))
    for line in (_logged("question: %s", text), _logged(f"question: {text}"),
                 _access_line(f"/api/knowledge/answer?q={text}"), _access_line(f"/api/x/{text}")):
        assert not re.search(r"\d", line.split(": ", 1)[-1]), (secret, line)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data(), address=emails, encoding=st.sampled_from(sorted(ENCODINGS)))
def test_no_e_mail_address_survives_in_a_logged_line(data, address, encoding):
    text = ENCODINGS[encoding](_sentence(data.draw, address))
    local, _, domain = re.split(r"\s?(@|\(at\)|\[at\])\s?", address, maxsplit=1)
    for line in (_logged("contact: %s", text), _access_line(f"/api/knowledge/answer?q={text}")):
        assert "@" not in line and "%40" not in line.upper() and "(at)" not in line and "[at]" not in line, line
        assert domain not in line, (address, line)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), secret=st.one_of(NUMBERS, emails))
def test_exception_messages_in_tracebacks_are_masked(data, secret):
    text = _sentence(data.draw, secret)
    line = _logged("request failed", exc=ValueError(f"could not store {text!r}"))
    assert "Traceback" in line and "ValueError" in line
    message = line.split("ValueError:", 1)[1]
    assert not re.search(r"\d", message) and "@" not in message, line


@given(st.sampled_from([
    "brief van 13-11-2026, 4 naar 2 uur, 12,50 euro",
    "op 13-11-2026 kreeg ik 14 dagen",
    "besluit van 2026-11-13 14:00",
    "art. 6:7 Awb en 6:8",
    "bel 14 0123 of 0800-1234",
    "postcode 1234 AB, huisnummer 12",
]))
def test_dates_and_short_numbers_stay_readable(text):
    assert mask_personal_data(text) == text
