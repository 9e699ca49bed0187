"""A whole English conversation in a real browser (issue 13): the widget on an English page, the
bot's answers, buttons and dates in English, marked lang="en" for screen readers.

'Today' is Monday 23 November 2026."""
import re

import pytest

pytestmark = pytest.mark.stack

DUTCH = re.compile(r"\b(U heeft|uw|niet|naar|het|een|Dit is)\b")


def test_a_whole_english_conversation(widget):
    widget.page.goto(widget.site + "/?lang=en")
    widget.page.locator("#wegwijs-widget .launcher").wait_for()
    widget.open()
    answers = widget.say("The municipality cut my home help from 4 to 2 hours a week and I don't think that is fair. "
                         "The letter is dated 13 November 2026.")
    text = " ".join(answers)
    assert "objection" in text and "28 December 2026" in text, text
    assert not DUTCH.search(text), text
    langs = widget.js("return [...root.querySelectorAll('li.msg.bot .text')].map((p) => p.closest('[lang]').lang);")
    assert langs and set(langs) == {"en"}, langs
    titles = widget.js("return [...root.querySelectorAll('.quick button')].map((b) => b.textContent);")
    assert titles and not any(DUTCH.search(t) for t in titles), titles
    # a button works in English too: who helps for free
    helper = next(t for t in titles if "free" in t.lower())
    before = widget.count("li.msg.bot")
    widget.page.locator("#wegwijs-widget .quick button", has_text=helper).click()
    answers = widget.wait_for_answer(before)
    assert "client support" in " ".join(answers).lower()
    assert not widget.axe(), "WCAG 2.1 AA"


def test_english_in_the_dutch_widget_is_offered_english(widget):
    widget.goto().open()
    offer = widget.say("I don't agree with the decision of the CIZ about my mother. The letter is dated 10 November 2026.")
    assert "English" in offer[-1]
    before = widget.count("li.msg.bot")
    widget.page.locator("#wegwijs-widget .quick button", has_text="English").click()
    answers = " ".join(widget.wait_for_answer(before))
    assert "objection" in answers and "CIZ" in answers, answers
    assert widget.js("return root.querySelector('li.msg.bot:last-of-type .text').closest('[lang]').lang;") == "en"
