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
    ("DISAGREES", "ze krijgt minder uren dan ze nodig heeft"),
    ("KLACHT_DECIDED", "mijn klacht over de wijkverpleging is in juli beantwoord, maar daar ben ik niet tevreden over"),
    ("AGREES_WITH_DECISION", "met het besluit zelf ben ik het wel eens"),
    ("AGREES_WITH_DECISION", "de aanpassing is in maart toegekend, daar waren we heel blij mee"),
    ("DELAY_WORDS", "het is toegekend, maar de gemeente betaalt maar niet"),
    ("DELAY_WORDS", "er gebeurt al maanden niks met mijn budget"),
    ("RUDE_WORDS", "de medewerker zat hardop met een collega om mij te lachen"),
    ("RUDE_WORDS", "zo mag je toch niet behandeld worden"),
    ("WAITING_WORDS", "ze stuurden een ontvangstbevestiging en sindsdien blijft het stil"),
    ("CANNOT_ANY_MORE", "sinds de beroerte kan hij de trap niet meer op"),
    ("KLACHT_DECIDED", "de uitkomst was: klacht ongegrond. Daar ben ik het helemaal niet mee eens"),
    ("RUDE_WORDS", "zo kun je toch niet met ouderen omgaan"),
    ("BEZWAAR_AGAINST_CONDUCT", "ik wil bezwaar maken tegen die medewerker van het CIZ"),
    ("BEZWAAR_AGAINST_CONDUCT", "mijn bezwaar is tegen de behandeling aan de telefoon"),
    ("AGREES_WITH_DECISION", "het bedrag zelf klopt, daar gaat het niet om"),
    ("KLACHT_DECIDED", "ik diende een klacht in over de consulent. Daarna kwam de afhandeling: ongegrond."),
    ("STRONG_DECISION", "het zorgkantoor wijst mijn pgb af"),
    ("DECISION_WORDS", "de SVB weigert de rekening te betalen"),
    ("LETTER_DATED", "ik kreeg de brief later, hij is gedateerd 3 november"),
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
    # agreeing is said of the decision, not of the bezwaar or of a person
    ("AGREES_WITH_DECISION", "ik ben het niet eens met het besluit"),
    ("AGREES_WITH_DECISION", "de beslissing is van 3 november en ik ben het er niet mee eens"),
    ("RUDE_WORDS", "we hebben samen nog gelachen om die brief"),
    ("WAITING_WORDS", "het is stil in huis sinds mijn vrouw weg is"),
    # a decision disputed, or the right amount named as wrong, is no conduct complaint or agreement
    ("BEZWAAR_AGAINST_CONDUCT", "ik wil bezwaar maken tegen het besluit van de gemeente"),
    ("AGREES_WITH_DECISION", "dat bedrag klopt never nooit"),
    ("AGREES_WITH_DECISION", "het bedrag klopt gewoon niet"),
    ("AGREES_WITH_DECISION", "het bedrag van mijn pgb klopt volgens mij niet"),
    ("STRONG_DECISION", "ze wijzen naar de afdeling Wmo"),
    ("DECISION_WORDS", "ze wijzen me af en toe door"),
])
def test_the_words_leave_the_sentences_beside_them(pattern, text):
    assert not getattr(words, pattern).search(text)
