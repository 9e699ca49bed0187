"""routes.md §5: 112 only on danger, 113 only on thoughts of suicide, urgency without emergency numbers."""
import pytest

from knowledge.domain.signals import asks_for_person, person_reason, signals


@pytest.mark.parametrize(("text", "expected"), [
    ("ik wil niet meer leven", {"suicide"}),
    ("ik zie het niet meer zitten, ik wil er een eind aan maken", {"suicide"}),
    ("soms denk ik aan zelfmoord", {"suicide"}),
    ("mijn vriend slaat me en ik durf niet naar huis", {"danger"}),
    ("mijn vader is gevallen en kan niet meer overeind", {"danger"}),
    ("morgen stopt de thuiszorg van mijn moeder", {"urgent"}),
    ("vanaf morgen mag mijn zoon niet meer naar de dagbehandeling, hij mag er niet meer heen", {"urgent"}),
    ("vanavond komt er niemand om mijn vader in bed te helpen", {"urgent"}),
    ("we worden volgende week uit huis gezet", {"urgent"}),
    ("mijn vader is alleen thuis en er komt vanavond niemand", {"urgent"}),
    ("mijn vrouw had in mei een hersenbloeding en heeft nu permanent toezicht nodig", set()),
    ("hij bloedt heel erg", {"danger"}),
    ("de verhuurder heeft gezegd dat ik vrijdag uit mijn woning word gezet", {"urgent"}),
    ("de begeleiding stopt per direct en ik weet niet wat ik moet doen", {"urgent"}),
    ("ik sta drie maanden achter met de huur en de corporatie wil me er nu uit zetten", {"urgent"}),
    ("de begeleider zette me eruit bij de dagbesteding omdat ik te laat was", set()),
    # no signal: these must never get 112 or 113
    ("ik kan niet meer, ik ben zo moe van al dat gedoe met de gemeente", set()),
    ("de trap in mijn huis is gevaarlijk geworden, ik wil een traplift", set()),
    ("mijn bloeddruk is hoog en ik heb hulp nodig in huis", set()),
    ("mijn zorg is vorig jaar gestopt en nu wil ik het opnieuw aanvragen", set()),
    ("de gemeente heeft mijn uren verlaagd", set()),
    ("soms denk ik dat het voor iedereen beter is als ik er gewoon niet meer ben", {"suicide"}),
    ("dit slaat helemaal nergens op, hij redt het niet met 3 uur", set()),
    ("mijn vader slaat haar als hij boos is", {"danger"}),
    ("de woningcorporatie zegt dat hij op 1 december zijn huis uit moet", {"urgent"}),
    ("nu komt zn verzorgster vanavond niet want die krijgt niks meer betaald", {"urgent"}),
    ("ik kan de huur niet betalen en de corporatie dreigt met uitzetting", {"urgent"}),
])
def test_signals_follow_the_words(text, expected):
    assert signals(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("de gemeente stuurt me naar het zorgkantoor en die stuurt me weer terug", "kastje_muur"),
    ("ik word van het kastje naar de muur gestuurd", "kastje_muur"),
    ("de gemeente stuurt me van het loket naar de website en weer terug naar het loket", "kastje_muur"),
    ("ik ben woedend over hoe dit gaat", "angry"),
    ("ik ben het niet eens met de beslissing", None),
    ("ik kan het echt niet meer aan", "angry"),
    ("ik kan niet meer, help me", "angry"),
    ("sinds mijn knie-operatie kan ik niet meer poetsen", None),
    ("ik ben radeloos, wat kunnen we nog doen?", "angry"),
    ("ik ben zo moe en verdrietig van dit alles", "angry"),
    ("ik vertel het hele verhaal want ik weet het niet meer", None),
    ("mijn vrouw is overleden en ik kan niet meer zelf koken", None),
])
def test_a_person_is_offered_to_the_angry_and_the_sent_around(text, reason):
    assert person_reason(text) == reason


@pytest.mark.parametrize(("text", "asks"), [
    ("ik wil een medewerker spreken", True),
    ("kunt u mij terugbellen", True),
    ("bel me maar", True),
    ("ik wil graag met een mens praten", True),
    ("ze zouden me terugbellen maar deden het niet", False),
    ("niemand belt mij terug", False),
    ("de medewerker was grof", False),
    ("en de medewerker aan de telefoon was heel onbeleefd", False),
    ("kan ik iemand aan de telefoon krijgen?", True),
    ("graag zou ik een van uw medewerkers willen spreken", True),
    # a klacht about a staff member is no call for a person
    ("ik wil klagen over de medewerker van het ciz, hij was onaardig", False),
    ("hoe kan ik klagen over een medewerker", False),
    ("ik wil melden dat de medewerker zich arrogant gedroeg", False),
    ("ik wil dat een medewerker mij belt", True),
    ("ik wil dat de medewerker een waarschuwing krijgt", False),
])
def test_asking_for_a_person_in_so_many_words(text, asks):
    assert asks_for_person(text) is asks


@pytest.mark.parametrize("message", [
    "soms zie ik het echt niet meer zitten",
    "ik denk er soms over om er een eind aan te maken",
    "soms denk ik dat het beter is als ik er een eind aan maak",
    "misschien brei ik er zelf een einde aan",
    "dan maak ik er gewoon maar een eind aan",
    "ik maak er maar een einde aan",
])
def test_thoughts_of_suicide_in_other_word_orders_are_signals(message):
    assert "suicide" in signals(message)


@pytest.mark.parametrize("message", ["mijn zoon zegt dat hij me gaat slaan", "hij gaat haar pijn doen, ik ben bang"])
def test_a_threat_in_the_future_tense_is_danger(message):
    assert "danger" in signals(message)


@pytest.mark.parametrize("text", [
    "hij is terminaal ziek en wil thuis sterven, niet in een verpleeghuis",
    "mijn moeder is uitbehandeld en wil in haar eigen bed sterven, kan het zorgkantoor dat regelen?",
])
def test_a_dying_persons_wish_where_to_die_is_no_thought_of_suicide(text):
    assert "suicide" not in signals(text)


def test_a_wish_to_die_is_still_a_thought_of_suicide():
    assert "suicide" in signals("ik wil gewoon sterven, ik kan niet meer")
    assert "suicide" in signals("thuis denk ik steeds: ik wil dood")


@pytest.mark.parametrize("text", [
    "ik wil gewoon thuis doodgaan, dan ben ik overal vanaf",
    "ik wil liever thuis sterven dan zo verder",
    "ik wil niet meer, ik wil thuis sterven",
    "ik wil in mijn eigen bed sterven, niemand mist me toch",
])
def test_the_writers_own_wish_to_die_at_home_stays_a_thought_of_suicide(text):
    assert "suicide" in signals(text)


@pytest.mark.parametrize("message", [
    "het contract waar de zorgaanbieder binnenkort een einde aan maakt",
    "ik wil dat de gemeente er een einde aan maakt",
])
def test_ending_a_contract_or_a_situation_is_no_thought_of_suicide(message):
    assert "suicide" not in signals(message)
