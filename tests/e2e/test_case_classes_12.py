"""Classes of unseen questions found by the twelfth blind held-out set, over the real stack.

The sentences are the team's own (never copied from evaluation/heldout*/). 'Today' is Monday
23 November 2026."""
import pytest

from tests.conftest import said

pytestmark = pytest.mark.stack


def test_thoughts_of_ending_it_in_the_first_person_get_113(chat):
    c = chat()
    replies = c.say("Het wijkteam heeft mijn dagbesteding gestopt. Ik zit de hele dag alleen thuis. "
                    "Soms denk ik dat ik er maar een eind aan maak.")
    assert "113" in said(replies)
    assert c.state["handoff"] == "waiting"


def test_bezwaar_against_a_civil_servant_is_a_klacht_about_conduct(chat):
    c = chat()
    replies = c.say("Ik wil bezwaar maken tegen een consulent van de gemeente. Hij wil dat ik mijn hele "
                    "dossier van de huisarts opstuur. Er is nog niets besloten over mijn begeleiding.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "gemeente")
    assert c.state["deadline"] is None
    assert "klacht" in said(replies)


def test_an_amount_that_is_right_and_a_rude_phone_call_is_a_klacht(chat):
    c = chat()
    c.say("Ik belde het CAK over de rekening. Het bedrag klopt, daar gaat het niet om. De man aan de telefoon "
          "was bot en hing op. Ik wil bezwaar maken tegen die behandeling.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "cak")
    assert c.state["decision_date"] is None


def test_a_klacht_judged_ungrounded_in_a_later_sentence_goes_to_the_ombudsman(chat):
    c = chat()
    replies = c.say("In september diende ik een klacht in bij de gemeente over het wijkteam. Ze kwamen "
                    "afspraken niet na. In oktober kwam de afhandeling: ongegrond. Daar ben ik het niet mee eens.")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "ombudsman")
    assert "Nationale ombudsman" in said(replies)


def test_a_zorgkantoor_that_turns_down_a_wlz_pgb_made_a_decision(chat):
    c = chat()
    replies = c.say("mijn dochter heeft een wlz indicatie en wij wilden een pgb. het zorgkantoor wijst dat af. "
                    "de brief is van 10 nov. dat is toch niet eerlijk")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "zorgkantoor")
    assert c.state["deadline"] == "2026-12-22"
    assert "22 december 2026" in said(replies)


def test_a_refused_payment_without_conduct_is_a_bezwaar_only(chat):
    c = chat()
    c.say("De SVB weigert de rekening van mijn zorgverlener over oktober te betalen. Volgens hen klopt de "
          "overeenkomst niet. Ik ben het daar niet mee eens. Het besluit is gedateerd 2-11-2026.")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "svb")
    assert c.state["deadline"] == "2026-12-14"


def test_a_letter_dated_later_in_a_long_story_with_bezwaar_named_is_a_bezwaar(chat):
    c = chat()
    c.say("Ik schrijf voor mijn moeder. Zij heeft reuma en woont alleen. De gemeente heeft haar begeleiding "
          "stopgezet. Ik kreeg de brief gisteren van haar buurvrouw, hij is gedateerd 16 november 2026. "
          "Mijn broer zegt dat het geen zin heeft, maar ik wil bezwaar maken. Tot wanneer kan dat?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "gemeente")
    assert (c.state["decision_date"], c.state["deadline"]) == ("2026-11-16", "2026-12-28")
    assert c.state["asking_for"] == "relative"


def test_the_sister_of_a_named_person_asks_for_her(chat):
    c = chat()
    c.say("Ik ben de broer van Joost. Hij woont in een woongroep. Het CIZ heeft zijn indicatie verlaagd, "
          "de brief is van 13 november 2026.")
    assert c.state["asking_for"] == "relative"
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "ciz")


def test_a_carer_told_to_look_after_herself_still_asks_for_her_husband(chat):
    c = chat()
    c.say("Mijn vrouw heeft Parkinson en een Wlz-indicatie. Ze staat al maanden op de wachtlijst voor een "
          "verpleeghuis. De praktijkondersteuner zegt dat ik goed voor mezelf moet zorgen. Wie kan iets doen?")
    assert c.state["asking_for"] == "relative"
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgkantoor")


def test_wound_care_at_home_is_wijkverpleging(chat):
    c = chat()
    replies = c.say("na mijn operatie moet er thuis elke dag iemand mijn wond verbinden. vraag ik dat bij de "
                    "gemeente aan?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgverzekeraar")
    assert "wijkverple" in said(replies)


def test_washing_help_without_wlz_and_a_wheelchair_already_had_goes_to_the_insurer(chat):
    c = chat()
    c.say("Mijn man kan zich niet meer zelf wassen en aankleden. Hij heeft geen Wlz, alleen een scootmobiel "
          "via de gemeente. Waar vraag ik hulp in de ochtend aan?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "zorgverzekeraar")


def test_the_application_advice_names_the_care_asked_for(chat):
    c = chat()
    replies = c.say("Mijn moeder zit thuis veel alleen sinds ze vergeetachtig is. De huisarts noemde "
                    "dagbesteding. Waar vragen we dat aan?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "gemeente")
    assert "aanvraag voor dagbesteding" in said(replies)


def test_sent_around_while_needing_help_at_home_is_an_application(chat):
    c = chat()
    c.say("Ik heb mijn pols gebroken en kan thuis niks meer. Het loket stuurt me naar de website, de website "
          "naar de telefoon en de telefoon weer naar het loket. Echt van het kastje naar de muur. "
          "Hoe krijg ik hulp in huis?")
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "gemeente")
    assert c.state["handoff"] == "offered"


def test_a_gemeente_desk_that_does_not_call_back_is_a_klacht_at_the_gemeente(chat):
    c = chat()
    replies = c.say("ik krijg begeleiding via de wmo en wil een andere aanbieder. ik heb de vraagwijzer van de "
                    "gemeente al drie keer gemaild, ze zouden terugbellen maar niemand belt. ik wil klagen")
    assert (c.state["route"], c.state["organisation"]) == ("klacht", "gemeente")
    assert "6 weken" in said(replies)


def test_distress_read_by_the_model_without_danger_words_offers_a_person_without_queueing(chat):
    c = chat()
    c.say("Mijn man heeft een hersenbloeding gehad en zit nu in een rolstoel.")
    assert c.state["handoff"] in ("none", "offered")


def test_two_questions_in_one_message_get_two_answers(chat):
    c = chat()
    replies = c.say("Puur informatief: hoe lang mag een organisatie erover doen om op een bezwaar te beslissen? "
                    "En hoe lang mag het duren voor een klacht is afgehandeld?")
    text = said(replies)
    assert "12 weken" in text and "10 weken" in text  # bezwaar with a committee (Awb 7:10), klacht (Awb 9:11)
    assert c.state["route"] is None


def test_asked_how_long_the_decision_on_a_bezwaar_takes_the_guide_says_so(chat):
    c = chat()
    replies = c.say("Ik heb bezwaar gemaakt tegen het CAK. Hoe lang duurt het voordat ze daarop beslissen?")
    assert (c.state["route"], c.state["organisation"]) == ("bezwaar", "cak")
    assert "12 weken" in said(replies)


def test_someone_who_can_no_longer_look_after_themselves_asks_for_themselves(chat):
    c = chat()
    c.say("Sinds mijn man is overleden kan ik niet meer goed voor mezelf zorgen. Ik heb hulp nodig bij het "
          "huishouden.")
    assert c.state["asking_for"] == "self"
    assert (c.state["route"], c.state["organisation"]) == ("aanvraag", "gemeente")
