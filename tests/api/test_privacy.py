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
