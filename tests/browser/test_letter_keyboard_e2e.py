"""Issue 12's "done when": from the first message to a downloaded, filled-in bezwaarschrift in under
3 minutes, by keyboard only, through the real bot (the bot offers "Maak een voorbeeldbrief" after its
advice, payload /open_letter; the widget opens the letter page)."""
import io
import time
from pathlib import Path

import docx
import pytest

pytestmark = pytest.mark.stack
ROOT = Path(__file__).resolve().parents[2]
# The bot's part of the contract (bot/domain.yml utter_next_steps): until it offers the button, this
# test is expected to fail; once it does, it must pass (strict).

FIRST_MESSAGE = ("ik kreeg een brief van de gemeente van 13 november, mijn hulp gaat van 4 naar 2 uur, "
                 "daar ben ik het niet mee eens")
LETTER_BUTTON = "Maak een voorbeeldbrief"


def tab_to(page, check, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if check():
            return
    raise AssertionError("not reached with Tab")


def test_first_message_to_a_downloaded_bezwaarschrift_by_keyboard_in_3_minutes(widget):
    started = time.monotonic()
    page = widget.page
    widget.goto()
    tab_to(page, lambda: "launcher" in ((widget.focused() or {}).get("cls") or ""))
    page.keyboard.press("Enter")
    page.keyboard.type(FIRST_MESSAGE)
    page.keyboard.press("Enter")
    widget.wait_for_answer(0)
    links = widget.js("return [...root.querySelectorAll('.quick a')].map((a) => a.textContent);")
    assert any(text.startswith(LETTER_BUTTON) for text in links), \
        f"the bot offers no {LETTER_BUTTON!r}: {widget.texts('li.msg.bot')[-2:]} {links}"

    tab_to(page, lambda: ((widget.focused() or {}).get("text") or "").startswith(LETTER_BUTTON), limit=8)
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    letter = opened.value
    letter.locator(".letter-form").wait_for()
    assert letter.url.endswith(f"/letter/{widget.conversation_id()}")

    def focused_id():
        return letter.evaluate("() => document.activeElement.id")

    # the letter page, by keyboard: the first stop in the form is the addressee (filled in by Wegwijs)
    for _ in range(30):
        letter.keyboard.press("Tab")
        if focused_id() == "veld-naam":
            break
    letter.keyboard.type("Jan Toetsenbord")
    letter.keyboard.press("Tab")
    letter.keyboard.type("Dorpsstraat 1")
    letter.keyboard.press("Enter")  # a new line in the address
    letter.keyboard.type("1234 AB Voorbeeld")
    for _ in range(10):
        letter.keyboard.press("Tab")
        if focused_id() == "veld-wat_klopt_niet":
            break
    letter.keyboard.type("Ik heb 4 uur hulp nodig. Met 2 uur blijft mijn huis vies.")
    for _ in range(5):
        letter.keyboard.press("Tab")
        if letter.evaluate("() => document.activeElement.dataset.format") == "docx":
            break
    with letter.expect_download() as download:
        letter.keyboard.press("Enter")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(Path(download.value.path()).read_bytes())).paragraphs)
    elapsed = time.monotonic() - started

    for expected in ("Jan Toetsenbord", "Dorpsstraat 1", "Aan: Gemeente Voorbeeld",
                     "de beslissing van de gemeente in de brief van 13 november 2026", "Met 2 uur blijft mijn huis vies."):
        assert expected in text
    assert "maandag 28 december 2026" in letter.locator(".facts").inner_text()
    assert elapsed < 180, f"took {elapsed:.0f} s"
    letter.close()
