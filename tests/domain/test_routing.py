"""The routing table (routes.md §1 and §3)."""
import pytest

from knowledge.domain.routing import (
    ORGANISATIONS,
    ROUTE_CARDS,
    advise,
    aanvraag_organisation,
    clientondersteuning_organisation,
    gemeente_care,
    provider_law,
)


@pytest.mark.parametrize("org", ["gemeente", "ciz", "zorgkantoor", "cak", "svb"])
def test_bezwaar_goes_to_the_organisation_that_decided(org):
    advice = advise("bezwaar", org)
    assert (advice.route, advice.organisation, advice.deadline_kind) == ("bezwaar", org, "bezwaar")


def test_no_bezwaar_against_a_zorgverzekeraar_only_a_klacht():
    advice = advise("bezwaar", "zorgverzekeraar")
    assert (advice.route, advice.organisation, advice.deadline_kind) == ("klacht", "zorgverzekeraar", None)


def test_a_care_provider_takes_no_decisions():
    assert advise("bezwaar", "zorgaanbieder").route == "klacht"
    assert advise("klacht", "zorgaanbieder").organisation == "zorgaanbieder"


def test_decision_on_bezwaar_leads_to_the_rechtbank():
    advice = advise("bezwaar", "ciz", decision_on_bezwaar=True)
    assert (advice.organisation, advice.deadline_kind) == ("rechtbank", "beroep")


@pytest.mark.parametrize("org", ["gemeente", "ciz", "zorgkantoor", "cak", "svb"])
def test_klacht_first_at_the_organisation_then_the_ombudsman(org):
    assert advise("klacht", org).organisation == org
    assert advise("klacht", org, already_complained=True).organisation == "ombudsman"


def test_after_the_insurer_comes_kizi_not_the_ombudsman():
    assert advise("klacht", "zorgverzekeraar", already_complained=True).organisation == "zorgverzekeraar"


def test_both_routes_keep_the_bezwaar_deadline():
    assert advise("klacht_en_bezwaar", "gemeente").deadline_kind == "bezwaar"


def test_ingebrekestelling_goes_to_the_organisation_that_must_decide():
    assert advise("ingebrekestelling", "cak").organisation == "cak"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("ik heb hulp nodig bij het huishouden", "gemeente"),
        ("mijn zoon heeft jeugdhulp nodig", "gemeente"),
        ("mijn moeder moet naar een verpleeghuis", "ciz"),
        ("mijn vader heeft 24 uur per dag toezicht nodig", "ciz"),
        # routes.md §1 (corrected): Wmo help at the gemeente, not the CIZ, even with dementia
        ("dagbesteding voor mijn man met dementie", "gemeente"),
        ("mijn moeder heeft een indicatie nodig voor huishoudelijke hulp", "gemeente"),
        # personal care at home is wijkverpleging under the Zvw
        ("ik kan me niet meer zelf wassen en aankleden", "zorgverzekeraar"),
        ("mijn vader heeft wijkverpleging nodig", "zorgverzekeraar"),
        # help for a child's mental health or upbringing is jeugdhulp (Jeugdwet), even if the insurer is named
        ("de huisarts denkt dat onze zoon hulp van een kinderpsycholoog nodig heeft, via de zorgverzekering of de gemeente?",
         "gemeente"),
        # every form of the verb
        ("sinds de operatie krijg ik mezelf niet gewassen en aangekleed", "zorgverzekeraar"),
        ("ze moet elke ochtend gedoucht worden", "zorgverzekeraar"),
        # once the Wlz indicatie exists: the zorgkantoor (Wlz-pgb, vpt, mpt, waiting list)
        ("ik wil een wlz-pgb aanvragen", "zorgkantoor"),
        ("mijn moeder heeft een wlz-indicatie en staat op de wachtlijst voor een verpleeghuis", "zorgkantoor"),
        ("kan ik met mijn indicatie van het ciz een volledig pakket thuis krijgen", "zorgkantoor"),
        ("ik wil een mpt", "zorgkantoor"),
        # the law written out, and time words between "heeft" and the indicatie
        ("sinds september heb ik een indicatie voor de Wet langdurige zorg, waar vraag ik een pgb aan?", "zorgkantoor"),
        ("mijn oom heeft sinds juli een wlz-indicatie en moet nog een jaar wachten", "zorgkantoor"),
        # the word Wmo in a question does not make personal care a Wmo matter
        ("douchen en aankleden lukt niet, moet ik naar het wmo-loket?", "zorgverzekeraar"),
        ("ik wil een wmo voorziening aanvragen", "gemeente"),
        # someone who can never be left alone needs Wlz care: the CIZ decides
        ("onze dochter kan nooit alleen gelaten worden, ze moet wonen met dag en nacht begeleiding", "ciz"),
        # Wmo care the citizen says they do themselves is not what they ask for
        ("nee, het schoonmaken kunnen we zelf wel. hij heeft hulp nodig bij het aankleden", "zorgverzekeraar"),
        ("hulp bij het schoonmaken en bij het aankleden", "gemeente"),
        # a verpleeghuis refused is not the care asked for; never alone any more is Wlz care
        ("hij kan zich niet meer wassen en aankleden maar wil geen verpleeghuis", "zorgverzekeraar"),
        ("ze wil niet naar een verpleeghuis, ze heeft hulp nodig bij het douchen", "zorgverzekeraar"),
        ("eigenlijk kan ze nooit meer alleen zijn", "ciz"),
    ],
)
def test_applications_go_where_the_kind_of_care_is_decided(text, org):
    assert aanvraag_organisation(text) == org


@pytest.mark.parametrize(("text", "org"), [
    ("er moet thuis elke dag iemand mijn wond verbinden", "zorgverzekeraar"),
    ("ze heeft geen Wlz, alleen een rolstoel via de gemeente, en nu hulp nodig bij wassen", "zorgverzekeraar"),
    ("de badkamer moet aangepast worden, hij komt in een rolstoel thuis", "gemeente"),
    ("de orthopedagoog voor mijn zoon van 8, waar vraag ik dat aan", "gemeente"),
    ("hoe krijg ik hulp in huis nu mijn arm gebroken is", "gemeente"),
    ("mijn moeder heeft nog geen Wlz-indicatie. hoe vraag ik die aan?", "ciz"),
])
def test_care_had_already_or_not_had_is_not_the_care_asked_for(text, org):
    assert aanvraag_organisation(text) == org


@pytest.mark.parametrize(("text", "care"), [
    ("de casemanager noemde dagbesteding", "dagbesteding"),
    ("iemand die het huis schoonmaakt", "huishoudelijke hulp"),
    ("de drempel in de badkamer moet weg", "een aanpassing van uw huis"),
    ("hij wil gewoon meer mensen zien", None),
    ("ze heeft al huishoudelijke hulp via de gemeente, nu wil ze een scootmobiel", "een scootmobiel"),
])
def test_the_care_an_application_at_the_gemeente_is_for_is_named(text, care):
    assert gemeente_care(text) == care


def test_no_ingebrekestelling_against_an_insurer_or_a_provider():
    # Awb 4:17 and 6:12 apply to a bestuursorgaan only (routes.md §1)
    assert advise("ingebrekestelling", "zorgverzekeraar").route == "klacht"
    assert advise("ingebrekestelling", "zorgverzekeraar").organisation == "zorgverzekeraar"
    assert advise("ingebrekestelling", "zorgaanbieder").route == "klacht"


@pytest.mark.parametrize(("text", "law"), [
    ("de verzorgende in het verpleeghuis was grof", "wkkgz"),
    ("de wijkverpleging komt steeds te laat", "wkkgz"),
    ("de huishoudelijke hulp van de thuiszorg komt niet opdagen", "wmo"),
    ("de begeleider van de dagbesteding schreeuwt", "wmo"),
    ("de jeugdhulpverlener van mijn dochter luistert niet", "jeugd"),
    # Wlz care in a verpleeghuis stays Wkkgz, even when it is about a rolstoel or dagbesteding there
    ("in het verpleeghuis zetten ze mijn vader nooit in zijn rolstoel", "wkkgz"),
    ("de dagbesteding in het verpleeghuis van mijn moeder is geschrapt door personeelstekort", "wkkgz"),
    ("de taxi van de wmo laat mijn moeder steeds staan", "wmo"),
])
def test_wkkgz_only_for_zvw_and_wlz_providers(text, law):
    assert provider_law(text) == law


def test_clientondersteuning_wlz_at_zorgkantoor_else_gemeente():
    # routes.md §4: before a Wlz indicatie exists (a case at the CIZ) the gemeente provides it
    assert clientondersteuning_organisation("", "zorgkantoor") == "zorgkantoor"
    assert clientondersteuning_organisation("", "ciz") == "gemeente"
    assert clientondersteuning_organisation("het ciz verlaagde het zorgprofiel van mijn vader", "ciz") == "zorgkantoor"
    assert clientondersteuning_organisation("", "gemeente") == "gemeente"
    assert clientondersteuning_organisation("", None) == "gemeente"


def test_someone_living_in_a_verpleeghuis_is_a_wlz_client_also_when_written_without_an_article():
    # people drop articles: "woont sinds een jaar in verpleeghuis" is a Wlz client (routes.md §4: zorgkantoor)
    assert clientondersteuning_organisation("mijn vader woont sinds een jaar in verpleeghuis", None) == "zorgkantoor"
    assert clientondersteuning_organisation("ze woont in haar instelling en snapt de brieven niet", None) == "zorgkantoor"
    assert clientondersteuning_organisation("ik woon thuis en wil naar een verpleeghuis", None) == "gemeente"


def test_unknown_route_is_refused():
    with pytest.raises(ValueError):
        advise("beroep", "gemeente")


def test_every_card_the_bot_cites_exists():
    from pathlib import Path

    cards_dir = Path(__file__).resolve().parents[2] / "knowledge" / "cards"
    cited = {card for cards in ROUTE_CARDS.values() for card in cards} | {o.card for o in ORGANISATIONS.values()}
    cited.add("clientondersteuning-wat")
    missing = sorted(c for c in cited if not (cards_dir / f"{c}.md").exists())
    assert not missing, f"cards cited by the bot but missing: {missing}"
