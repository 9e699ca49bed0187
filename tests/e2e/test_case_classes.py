"""Classes of unseen questions found by the sixth blind held-out set, over the real stack.

The sentences are the team's own (never copied from evaluation/heldout*/). 'Today' is Monday
23 November 2026."""
import pytest

from tests.conftest import said

pytestmark = pytest.mark.stack


def test_a_judged_klacht_goes_to_the_ombudsman_not_to_bezwaar(chat):
    c = chat()
    replies = c.say("de gemeente heeft mijn klacht over de wijkconsulent, die mij steeds afkapte en uitlachte, "
                    "ongegrond verklaard. brief van 4 november. waar kan ik nu nog heen?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert c.state["deadline"] is None
    assert "ombudsman" in said(replies)


def test_pay_that_comes_late_each_month_is_a_klacht_at_the_svb(chat):
    c = chat()
    c.say("mijn buurman verzorgt mij en wordt uit mijn pgb betaald via de svb")
    c.say("elke maand komt zijn loon weer te laat, en elke keer als ik bel krijg ik een ander excuus")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "svb")


def test_a_bezwaar_to_write_for_a_neighbour_stays_at_the_gemeente(chat):
    c = chat()
    c.say("ik doe de post voor mijn oom, hij is 88")
    c.say("de gemeente heeft zijn begeleiding gehalveerd")
    c.say("de brief is van 30 oktober")
    c.say("mag ik dat bezwaar voor hem opstellen? hij kan zelf niet meer goed schrijven")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")
    assert (c.state["deadline"], c.state["asking_for"]) == ("2026-12-11", "relative")


def test_the_own_care_worker_is_no_relative(chat):
    c = chat()
    c.say("de gemeente geeft me geen pgb maar alleen zorg in natura")
    c.say("ik wil mijn eigen begeleider houden, die snapt hoe ik in elkaar zit")
    assert c.state["asking_for"] == "self"


def test_a_child_named_by_first_name_makes_the_case_a_relatives(chat):
    c = chat()
    c.say("Mijn dochter Sanne is 9 en heeft autisme. De gemeente stopt haar logeeropvang, "
          "de beschikking is gedateerd 16 november. Wat kan ik doen?")
    assert (c.state["route"], c.state["organisation"], c.state["asking_for"]) == ("bezwaar", "gemeente", "relative")
    assert c.state["deadline"] == "2026-12-28"


def test_a_bare_weekday_habit_does_not_replace_the_letter_date(chat):
    c = chat()
    c.say("de gemeente wijst mijn traplift af. op woensdag komt mijn zoon altijd helpen, maar verder ben ik alleen. "
          "brief gemeente 21-10-2026")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-10-21", "2026-12-02")


def test_sent_back_and_forth_about_a_broken_wheelchair_is_a_klacht_with_a_person_offered(chat):
    c = chat()
    c.say("de scootmobiel van mijn vader via de wmo doet het al een maand niet. de gemeente zegt bel de leverancier, "
          "de leverancier zegt dat de gemeente eerst akkoord moet geven. ik word van het kastje naar de muur gestuurd")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "gemeente")
    assert c.state["handoff"] == "offered"


def test_no_klacht_wanted_after_being_sent_around_leaves_the_bezwaar(chat):
    c = chat()
    c.say("ik word van het kastje naar de muur gestuurd over de dagbesteding van mijn vrouw, gemeente en ciz wijzen naar elkaar")
    c.say("nu heeft de gemeente de dagbesteding afgewezen, brief van 9 november. "
          "klagen over dat gedoe hoeft niet, ik wil alleen dat het besluit verandert")
    assert (c.state["route"], c.state["organisation"], c.state["deadline"]) == ("bezwaar", "gemeente", "2026-12-21")


def test_personal_care_in_any_verb_form_is_asked_at_the_zorgverzekeraar(chat):
    c = chat()
    c.say("na mijn heupoperatie word ik nu door mijn buurvrouw gewassen en aangekleed, dat kan zo niet blijven. "
          "waar vraag ik hulp?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgverzekeraar")


def test_a_question_for_others_without_an_own_case_leaves_the_case_empty(chat):
    c = chat()
    replies = c.say("ik help in het buurthuis en mensen vragen me hoe lang de gemeente over een bezwaar mag doen. "
                    "ik heb zelf niks lopen")
    assert (c.state["route"], c.state["organisation"]) == (None, None)
    assert "Dit is een bezwaar" not in said(replies)  # a card's answer, not advice on a case of their own


@pytest.mark.parametrize(("message", "organisation"), [
    ("sinds mijn herseninfarct kan ik me 's ochtends niet meer zelf douchen, mijn zoon doet het nu maar hij werkt", "zorgverzekeraar"),
    ("mijn vrouw heeft dementie en loopt 's nachts weg, ze heeft eigenlijk dag en nacht toezicht nodig. "
     "de huisarts noemde een verpleeghuis. waar moeten we beginnen?", "ciz"),
    ("ik zorg elke dag voor mijn broer met een verstandelijke beperking. kan hij af en toe een weekend ergens logeren "
     "zodat ik even bij kan komen?", "gemeente"),
])
def test_a_first_story_of_a_need_for_care_is_an_application_at_the_right_place(chat, message, organisation):
    c = chat()
    c.say(message)
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", organisation)


def test_a_letter_with_fewer_hours_is_no_application(chat):
    c = chat()
    c.say("ik doe de administratie voor mijn tante")
    c.say("ze heeft een brief van de gemeente gekregen, haar begeleiding gaat van 4 naar anderhalf uur")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")


def test_a_case_told_with_thoughts_of_suicide_is_kept_for_the_staff_member(chat):
    c = chat()
    replies = c.say("mijn begeleiding is teruggebracht naar 2 uur per week, de brief is van 5 november. "
                    "ik zie het niet meer zitten, ik wil er eigenlijk niet meer zijn")
    assert "113" in said(replies)
    assert (c.state["route"], c.state["organisation"], c.state["deadline"]) == ("bezwaar", "gemeente", "2026-12-17")
    assert c.state["handoff"] == "waiting"


def test_a_wlz_waiting_list_told_in_despair_names_the_zorgkantoor(chat):
    c = chat()
    c.say("mijn moeder heeft een wlz-indicatie en wacht al een half jaar op een plek in het verpleeghuis. "
          "ik zorg elke nacht voor haar en ik wil eigenlijk niet meer leven zo")
    assert (c.state["route"], c.state["organisation"], c.state["handoff"]) == ("aanvraag", "zorgkantoor", "waiting")


@pytest.mark.parametrize("message", [
    "ik heb een afwijzing gehad voor een traplift van de gemeente, omdat mijn man nog gezond is. brief van 3 november",
    "ik krijg van het CAK een te hoge rekening voor de eigen bijdrage, terwijl mijn vrouw in mei is overleden",
    "de thuiszorg heeft de klok van mijn overleden vrouw gebroken en niemand zegt sorry",
    "de consulent van het wijkteam heeft dingen over mij aan mijn dochter verteld zonder het te vragen",
])
def test_a_relative_who_only_appears_in_the_citizens_own_story_keeps_it_their_own(chat, message):
    c = chat()
    c.say(message)
    assert c.state["route"] is not None
    assert c.state["asking_for"] == "self"


# From the independent review of this work: the same rules must not misfire on ordinary stories.
def test_care_that_stops_is_a_bezwaar_not_an_application(chat):
    c = chat()
    c.say("de gemeente stopt met mijn huishoudelijke hulp per 1 januari, wat kan ik doen?")
    assert c.state["route"] in ("bezwaar", "klacht_en_bezwaar") and c.state["organisation"] == "gemeente"


def test_a_klacht_about_a_decision_judged_ongegrond_is_no_case_for_the_ombudsman_yet(chat):
    c = chat()
    c.say("mijn pgb is afgewezen. ik heb daarover een klacht ingediend maar die is ongegrond verklaard")
    assert c.state["organisation"] != "ombudsman"


def test_a_letter_sent_to_a_parent_is_the_parents_case(chat):
    c = chat()
    c.say("de gemeente heeft aan mijn moeder een brief gestuurd: haar huishoudelijke hulp stopt")
    assert c.state["asking_for"] == "relative"


def test_a_bezwaar_against_pay_that_does_not_come_is_a_klacht(chat):
    # routes.md §1: a bezwaar needs a decision; money granted but not paid is conduct, even when called "bezwaar"
    c = chat()
    replies = c.say("ik wil bezwaar indienen bij de svb want mijn hulp heeft sinds september geen loon ontvangen, "
                    "en de facturen zijn allemaal op tijd verstuurd")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "svb")
    assert c.state["deadline"] is None and "klacht" in said(replies).lower()


def test_a_bezwaar_against_a_cut_named_with_a_date_stays_a_bezwaar(chat):
    c = chat()
    c.say("ik wil bezwaar maken tegen de svb, ze vorderen 1200 euro pgb terug, brief van 6 november")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "svb")


def test_someone_in_a_verpleeghuis_gets_clientondersteuning_from_the_zorgkantoor(chat):
    c = chat()
    replies = c.say("mijn tante woont al twee jaar in verpleeghuis de Linde. wie kan ons gratis helpen met al die "
                    "regels, iemand die onafhankelijk is?")
    assert c.state["organisation"] == "zorgkantoor" and "zorgkantoor" in said(replies)


def test_a_klacht_the_organisation_answered_goes_on_to_the_ombudsman(chat):
    c = chat()
    replies = c.say("wij hadden in september een klacht bij de svb ingediend over een kwijtgeraakt formulier. "
                    "hun antwoord was dat wij het zelf fout hadden gedaan. bij wie kunnen we nu terecht?")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "ombudsman" in said(replies).lower()


def test_an_eviction_after_a_stopped_benefit_is_urgent_without_emergency_numbers(chat):
    c = chat()
    replies = c.say("mijn uitkering van de gemeente is stopgezet en nu wil de corporatie me eruit zetten "
                    "want ik heb de huur niet betaald. ik vind het besluit niet terecht")
    text = said(replies)
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")
    assert c.state["handoff"] == "waiting" and "voorlopige voorziening" in text
    assert "113" not in text and "112" not in text


def test_a_bezwaar_months_old_without_any_answer_is_an_ingebrekestelling_not_beroep(chat):
    c = chat()
    replies = c.say("in april heb ik bij het zorgkantoor bezwaar ingediend tegen de verlaging van mijn budget. "
                    "sindsdien geen reactie, geen hoorzitting, helemaal niets. hoe krijg ik ze aan het werk?")
    assert (c.state["route"], c.state["organisation"]) == ("ingebrekestelling", "zorgkantoor")
    assert "ingebrekestelling" in said(replies).lower()


def test_care_complaints_about_a_parent_called_pa_in_a_verpleeghuis_are_a_klacht_at_the_provider(chat):
    # no decision and no letter: an unsure "bezwaar" reading has nothing to object to (routes.md §1)
    c = chat()
    c.say("m'n pa woont in het verpleeghuis en krijgt zijn medicijnen steeds op de verkeerde tijd. "
          "dat hebben we al vaak gezegd, ik wil er iets mee")
    assert (c.state["route"], c.state["organisation"], c.state["asking_for"]) == ("klacht", "zorgaanbieder",
                                                                                   "relative")


def test_a_provider_told_by_what_it_does_is_the_zorgaanbieder(chat):
    c = chat()
    c.say("ik wil klagen over de stichting waar mijn dochter begeleiding krijgt, ze hebben haar map met "
          "persoonlijke dingen laten slingeren in de bus")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "zorgaanbieder")


def test_a_volmacht_given_to_the_citizen_makes_the_case_the_relatives(chat):
    c = chat()
    replies = c.say("mijn moeder gaf mij jaren geleden een volmacht, nu heeft ze alzheimer. het cak heeft haar "
                    "eigen bijdrage verhoogd, de brief is van 12 november. mag ik bezwaar maken?")
    assert (c.state["route"], c.state["organisation"], c.state["asking_for"]) == ("bezwaar", "cak", "relative")
    assert "volmacht" in said(replies).lower()


def test_a_mantelzorger_hears_about_the_machtiging_before_the_letter_date_is_known(chat):
    # routes.md §4: signing a bezwaar for someone else needs a written machtiging (Awb 2:1)
    c = chat()
    replies = c.say("ik regel alles voor mijn oom, hij is dement. de gemeente stopt zijn begeleiding en ik wil "
                    "daar voor hem bezwaar tegen maken. de brief kwam vorige week binnen")
    assert (c.state["route"], c.state["asking_for"]) == ("bezwaar", "relative")
    assert c.state["decision_date"] is None and "machtiging" in said(replies).lower()
