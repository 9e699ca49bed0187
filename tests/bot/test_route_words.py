"""The route words (bot/actions/route_words.py) match what they name and not the everyday sentences
next to it (issue 9 review). Plain regular expressions: loaded from the file, no Rasa needed."""
import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "route_words", Path(__file__).resolve().parents[2] / "bot" / "actions" / "route_words.py")
words = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(words)


@pytest.mark.parametrize(("pattern", "text"), [
    ("KLACHT_DECIDED", "ik ben het niet eens met hoe ze mijn klacht hebben afgehandeld"),
    ("KLACHT_DECIDED", "ik ben het niet eens met de manier waarop ze mijn klacht hebben behandeld"),
    ("CANNOT_ANY_MORE", "mijn vrouw kan sinds een val niet meer zelf douchen"),
    ("CANNOT_ANY_MORE", "hij kan zich niet meer wassen"),
    ("CARE_ENDS", "ze krijgt geen begeleiding meer"),
    ("DISAGREES", "mijn pgb is gekort"),
])
def test_the_words_match_what_they_name(pattern, text):
    assert getattr(words, pattern).search(text)


@pytest.mark.parametrize(("pattern", "text"), [
    # a klacht still to make is no klacht made (no ombudsman yet), a decision disputed no klacht's handling
    ("COMPLAINED", "ik ben ontevreden over hoe de thuiszorg met mijn moeder omgaat en wil een klacht indienen"),
    ("COMPLAINED", "ik ben het niet eens met hoe ze mijn uren hebben verlaagd, daar wil ik een klacht over"),
    # not answering is conduct, not care that ends
    ("CARE_ENDS", "ze nemen geen telefoon meer op"),
    ("CARE_ENDS", "ik krijg geen antwoord meer"),
    # not reachable, or exhausted: no need for care told
    ("CANNOT_ANY_MORE", "ik kan ze niet meer bereiken"),
    ("CANNOT_ANY_MORE", "ik kan het niet meer aan"),
    ("DISAGREES", "de wachttijd is ingekort"),
])
def test_the_words_leave_the_sentences_beside_them(pattern, text):
    assert not getattr(words, pattern).search(text)
