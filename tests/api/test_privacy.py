"""Personal numbers never reach the logs in clear text."""
import logging

import pytest

from api.core.privacy import MaskingFilter, mask_personal_data


@pytest.mark.parametrize(
    ("text", "secret", "label"),
    [
        ("mijn bsn is 123456782", "123456782", "[BSN]"),
        ("bsn 1234.56.782", "1234.56.782", "[BSN]"),
        ("bel me op 06-12345678", "12345678", "[telefoon]"),
        ("bel +31 6 12345678 na 14 uur", "12345678", "[telefoon]"),
        ("mail naar jan.jansen@voorbeeld.nl", "jan.jansen@voorbeeld.nl", "[e-mail]"),
        ("iban NL91 ABNA 0417 1643 00", "0417 1643 00", "[IBAN]"),
        ("rekening NL91ABNA0417164300", "NL91ABNA0417164300", "[IBAN]"),
    ],
)
def test_personal_numbers_are_masked(text, secret, label):
    masked = mask_personal_data(text)
    assert secret not in masked
    assert label in masked


def test_dates_and_amounts_stay_readable():
    assert mask_personal_data("brief van 13-11-2026, 4 naar 2 uur, 12,50 euro") == "brief van 13-11-2026, 4 naar 2 uur, 12,50 euro"


def test_log_records_are_masked(caplog):
    logger = logging.getLogger("api.test-privacy")
    logger.addFilter(MaskingFilter())
    with caplog.at_level(logging.INFO, logger="api.test-privacy"):
        logger.info("call-back for %s at %s", "0612345678", "jan@voorbeeld.nl")
    assert "0612345678" not in caplog.text and "jan@voorbeeld.nl" not in caplog.text
    assert "[telefoon]" in caplog.text and "[e-mail]" in caplog.text


def test_database_errors_do_not_show_the_stored_values(database):
    """A failed INSERT raises an error whose text ends up in a traceback in the log: without its parameters."""
    from sqlalchemy.exc import IntegrityError

    from api.models import Conversation, Message

    with database.session() as session:
        session.add(Conversation(id="a" * 32, state={}))
    with pytest.raises(IntegrityError) as raised:
        with database.session() as session:
            session.add(Conversation(id="a" * 32, state={"callback_contact": "jan.jansen@voorbeeld.nl"}))
    assert "jan.jansen@voorbeeld.nl" not in str(raised.value)
    with pytest.raises(IntegrityError) as raised:
        with database.session() as session:
            session.add(Message(conversation_id="b" * 32, sender="citizen", text="bel mij op 0612345678"))
    assert "0612345678" not in str(raised.value)


def test_a_logged_traceback_is_masked(caplog):
    logger = logging.getLogger("api.test-privacy-traceback")
    logger.addFilter(MaskingFilter())
    with caplog.at_level(logging.ERROR, logger="api.test-privacy-traceback"):
        try:
            raise ValueError("could not store 'iban NL91 ABNA 0417 1643 00, bsn 123 456 782'")
        except ValueError:
            logger.exception("call-back not stored")
    assert "Traceback" in caplog.text and "ValueError" in caplog.text
    assert "0417" not in caplog.text and "123 456 782" not in caplog.text
    assert "[IBAN]" in caplog.text and "[BSN]" in caplog.text


@pytest.mark.parametrize("unit", ["a", "1", "a.", "a-", "a@", "straat", "Jan ", " a", "%41", "-NL", "ik ben "])
def test_masking_a_long_message_stays_fast(unit):
    """Every log line and stored question is masked: a 5,000-character message of a repeated pattern
    (pasted or hostile) must not make the regular expressions take quadratic time."""
    import time

    from api.core.privacy import mask_for_storage

    text = (unit * 5000)[:5000]
    started = time.perf_counter()
    mask_for_storage(text)
    assert time.perf_counter() - started < 0.5
