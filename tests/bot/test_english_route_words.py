"""English route words (issue 13): bot/actions/route_words.py and case_kind.py give English messages the
decisions Dutch ones get. Plain regular expressions; no Rasa needed."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))  # Rasa runs in bot/
from actions import route_words as words  # noqa: E402
from actions.case_kind import kind_of_case  # noqa: E402
from knowledge.domain.case_words import asks_in_general, tells_beroep  # noqa: E402


@pytest.mark.parametrize(("pattern", "text"), [
    ("DISAGREES", "I don't agree with the decision"),
    ("DISAGREES", "we disagree with the lower indication"),
    ("DECISION_WORDS", "the council rejected my application for a scooter"),
    ("DECISION_WORDS", "my hours were reduced from 6 to 3"),
    ("STRONG_DECISION", "the care office refused the budget"),
    ("RUDE_WORDS", "he was rude"),
    ("RUDE_WORDS", "the woman at the desk shouted at me"),
    ("RUDE_WORDS", "they promised to call back and never called me back"),
    ("RUDE_WORDS", "they lost my papers again"),
    ("DELAY_WORDS", "the pgb is paid too late every month"),
    ("DELAY_WORDS", "they never reply to my emails"),
    ("WAITING_WORDS", "I applied in June and still no decision"),
    ("WAITING_WORDS", "it's taking way too long"),
    ("NO_DECISION_YET", "there is no decision yet"),
    ("COMPLAINED", "I already complained to the care home"),
    ("COMPLAINED", "my complaint was ignored"),
    ("KLACHT_DECIDED", "my complaint was declared unfounded and I don't agree"),
    ("BEZWAAR_MADE", "I sent my objection in September"),
    ("APPLIED", "I applied for household help in August"),
    ("NEED_WORDS", "my mother needs a wheelchair"),
    ("CANNOT_ANY_MORE", "she can't shower by herself any more"),
    ("CARE_ENDS", "the home care stops on the first of January"),
    ("AGREES_WITH_DECISION", "the decision itself is fine"),
    ("BOTH_WORDS", "I want to tackle both"),
    ("LETTER_DATED", "the letter is from 3 November"),
    ("LETTER_DATED", "decision dated November 3"),
    ("LETTER_DATED", "the letter from the care office is from 9 November"),
    ("BEZWAAR_AGAINST_CONDUCT", "I want to object to the behaviour of the consultant"),
    ("KLACHT_WORD", "I want to file a complaint"),
    ("RUDE_WORDS", "she raised her voice at me in the meeting"),
    ("RUDE_WORDS", "the way he talked to us was not ok"),
    ("RUDE_WORDS", "the nurse is very rough with my mother"),
    ("DELAY_WORDS", "they paid my son's carers too late again"),
    ("STILL_HANDLED", "how long is the care office allowed to take for my complaint"),
    ("WAITING_WORDS", "we haven't heard a word since"),
    ("WAITING_WORDS", "can I send them a notice of default"),
    ("DECISION_WORDS", "they gave him a lower care profile than he needs"),
    ("DECISION_WORDS", "the CAK charges me too much"),
    ("DISAGREES", "she got fewer hours than she needs"),
    ("CANNOT_ANY_MORE", "he can't get himself dressed any more"),
    ("BEZWAAR_MADE", "I sent my bezwaarschrift in June"),
    ("WAITING_WORDS", "They promised an answer in August. Since then: nothing."),
    ("DECISION_WORDS", "the CAK set her eigen bijdrage at 1,900 euros a month"),
    ("LETTER_DATED", "the letter is dated the second of November"),
    ("BEZWAAR_MADE", "I send bezwaar on 20 october and still nothing"),
    ("NO_DECISION_YET", "I haven't had a decision yet"),
    ("RUDE_WORDS", "he was looking at his phone the whole time"),
    ("CONDUCT_TOPIC", "it is not about the outcome, it is about how he treated me"),
    ("NEED_WORDS", "who actually arranges this?"),
    ("COMPLAINED", "we wrote a complaint to the care office in June"),
    ("COMPLAINED", "I typed the complaint letter for him and we sent it by registered post"),
])
def test_english_words_match_what_they_name(pattern, text):
    assert getattr(words, pattern).search(text)


@pytest.mark.parametrize(("pattern", "text"), [
    ("DISAGREES", "he didn't agree to come on Monday"),
    ("AGREES_WITH_DECISION", "I don't agree with the decision"),
    ("RUDE_WORDS", "the consultant was friendly and listened to me"),
    ("CARE_ENDS", "they stopped answering the phone"),
    ("DECISION_WORDS", "the nurse comes every morning"),
    ("COMPLAINED", "I want to make a complaint about the nurse"),
    ("CANNOT_ANY_MORE", "I can't take it anymore"),
    ("DECISION_WORDS", "the nurse said I was complaining too much"),
    ("DISAGREES", "she thinks I ask too much of her"),
    ("BEZWAAR_MADE", "I send my bezwaar today"),
    ("BEZWAAR_MADE", "Can I send my objection in December?"),
    ("NO_DECISION_YET", "I didn't receive the decision, they sent it to my old address"),
    ("RUDE_WORDS", "they cut her hours from 10 to 4, that is really harsh"),
    ("NEED_WORDS", "het arrangement van de zorgaanbieder"),
])
def test_english_words_leave_the_sentences_beside_them(pattern, text):
    assert not getattr(words, pattern).search(text)


def test_the_route_is_named_in_english():
    assert words.named_routes("I want to object") == ["bezwaar"]
    assert words.named_routes("how do I complain") == ["klacht"]
    assert words.named_routes("I don't agree with the decision and I want to complain") == ["bezwaar", "klacht"]


def test_a_new_english_klacht_in_so_many_words_is_a_klacht():
    assert kind_of_case("I want to file a complaint about the home care nurse, she was unfriendly", "bezwaar") == "klacht"


def test_english_conduct_without_disputing_the_decision_is_a_klacht():
    text = "it's not about the decision, but the way the consultant spoke to my father"
    assert kind_of_case(text, "klacht_en_bezwaar") == "klacht"


def test_an_english_disputed_decision_and_rude_conduct_are_both():
    text = "I don't agree with the decision about my hours and the consultant was rude as well"
    assert kind_of_case(text, "klacht") == "klacht_en_bezwaar"


def test_an_english_complaint_made_before_keeps_the_classifiers_reading():
    assert kind_of_case("my complaint about the consultant was handled but nothing changed", "al_geklaagd") == "al_geklaagd"


def test_english_beroep_and_general_questions():
    assert tells_beroep("my objection was declared unfounded, can I go to court?")
    assert not tells_beroep("I want to object to the decision of the council")
    assert asks_in_general("just out of curiosity, how long can the municipality take to decide?")
    assert not asks_in_general("out of curiosity, my application was rejected, what now?")


def test_a_good_time_to_call_back_in_english():
    import subprocess
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    script = ("import sys; sys.path.insert(0, 'bot'); from actions.handoff import TIME_WORDS as T; "
              "print([bool(T.search(t)) for t in ['tomorrow between 12 and 2', 'after 3pm', 'any time is fine', "
              "'in the morning', 'my number is 0612345678']])")
    out = subprocess.run([str(root / ".venv-rasa" / "bin" / "python"), "-c", script], cwd=root,
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "[True, True, True, True, False]", out.stderr
