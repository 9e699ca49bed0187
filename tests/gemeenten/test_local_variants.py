"""A card's local sections (`## Lokaal: <code>`): the shared text for every gemeente, its own for one."""
from __future__ import annotations

from knowledge.local_variants import split_body, text_for

BODY = """U kunt hulp vragen bij het wijkteam van uw gemeente.

Een medewerker praat eerst met u.

## Lokaal: 9992
In Proefstad vraagt u hulp bij het Sociaal Team Proefstad.

## Lokaal: 9991
In Voorbeeld belt u het wijkteam: 14 0123.
"""


def test_the_shared_text_ends_at_the_first_local_section():
    shared, local = split_body(BODY)
    assert shared == "U kunt hulp vragen bij het wijkteam van uw gemeente.\n\nEen medewerker praat eerst met u."
    assert local == {"9992": "In Proefstad vraagt u hulp bij het Sociaal Team Proefstad.",
                     "9991": "In Voorbeeld belt u het wijkteam: 14 0123."}


def test_each_gemeente_reads_its_own_text_and_the_others_the_shared_one():
    assert text_for(BODY, "9992") == "In Proefstad vraagt u hulp bij het Sociaal Team Proefstad."
    assert text_for(BODY, "9991") == "In Voorbeeld belt u het wijkteam: 14 0123."
    assert text_for(BODY, "0363").startswith("U kunt hulp vragen") and "Lokaal" not in text_for(BODY, "0363")
    assert text_for(BODY, None) == text_for(BODY, "0363")


def test_a_card_without_local_sections_is_unchanged():
    assert text_for("Het CAK stelt de eigen bijdrage vast.", "9992") == "Het CAK stelt de eigen bijdrage vast."
    assert split_body("Tekst.\n## Lokaal 9992\nGeen kop.")[1] == {}  # the colon belongs to the heading


def test_a_card_answer_split_into_paragraphs_is_replaced_as_a_whole():
    from api.services.local_answers import for_gemeente
    from api.services.rasa_client import BotReply
    from knowledge.cards_model import Card

    card = Card(id="wijkteam", title="", summary="", questions=[], tags={}, sources=[], audience="both",
                reviewed=None, review_by=None, body=BODY.strip())
    as_sent = [BotReply(part, [], []) for part in BODY.strip().split("\n\n")]  # Rasa: one message per paragraph
    as_sent[-1].source_ids.append("wijkteam")
    before = [BotReply("Dit staat in onze informatie:", [], [])]
    asked = [BotReply("Heeft dit geholpen?", [{"title": "Ja", "payload": "/feedback_helpful"}], [])]
    replies = before + as_sent + asked

    proefstad = for_gemeente(replies, "9992", {"wijkteam": card}.get)
    assert [r.text for r in proefstad] == ["Dit staat in onze informatie:",
                                           "In Proefstad vraagt u hulp bij het Sociaal Team Proefstad.",
                                           "Heeft dit geholpen?"]
    assert proefstad[1].source_ids == ["wijkteam"] and proefstad[2].buttons
    elsewhere = for_gemeente(replies, "0363", {"wijkteam": card}.get)
    assert [r.text for r in elsewhere][1:3] == ["U kunt hulp vragen bij het wijkteam van uw gemeente.",
                                                "Een medewerker praat eerst met u."]
    assert not any("Lokaal" in r.text for r in elsewhere)
    advice = [BotReply("Maak bezwaar binnen 6 weken.", [], ["wijkteam"])]  # cites the card, is not its text
    assert for_gemeente(advice, "9992", {"wijkteam": card}.get) == advice


def test_the_gemeentes_own_desk_follows_the_answer_that_sends_the_citizen_there():
    from pathlib import Path

    from api.services.local_answers import with_contacts
    from api.services.rasa_client import BotReply
    from knowledge.domain.gemeenten import load_gemeenten

    root = Path(__file__).resolve().parents[2]
    proefstad = load_gemeenten(root / "gemeenten", root / "knowledge" / "domain" / "gemeente.yml").get("9992")
    advice = BotReply("Meld uw hulpvraag bij de gemeente.", [], ["wmo-melding", "clientondersteuning-wmo"])
    question = BotReply("Wat wilt u nu doen?", [{"title": "Praat met een medewerker", "payload": "/request_human"}],
                        ["clientondersteuning-wmo"])
    texts = [r.text for r in with_contacts([advice, question], proefstad)]
    assert texts == ["Meld uw hulpvraag bij de gemeente.",
                     "Voor Gemeente Proefstad: Sociaal Team Proefstad. Bel 14 0999.",
                     "Voor Gemeente Proefstad: Cliëntondersteuning Proefstad. Kijk op https://www.proefstad.nl/clientondersteuning.",
                     "Wat wilt u nu doen?"]  # each desk once; the question with its buttons stays last
    alone = with_contacts([question], proefstad)
    assert [r.text for r in alone][-1] == "Wat wilt u nu doen?" and len(alone) == 2
    legacy = load_gemeenten(None, root / "knowledge" / "domain" / "gemeente.yml").default  # no contacts: unchanged
    assert with_contacts([advice, question], legacy) == [advice, question]


def test_the_editor_refuses_a_local_section_for_a_gemeente_that_is_not_there(tmp_path):
    import datetime as dt
    from pathlib import Path

    from api.services.card_check import check_card_text

    root = Path(__file__).resolve().parents[2]
    text = (root / "knowledge" / "cards" / "cak-wat-doet.md").read_text(encoding="utf-8").rstrip()
    proefstad = text + "\n\n## Lokaal: 9992\nIn Proefstad helpt het Sociaal Team u gratis. Bel 14 0999.\n"
    elsewhere = text + "\n\n## Lokaal: 1234\nIn Ergens helpt het wijkteam u gratis.\n"
    today, codes = dt.date(2026, 11, 23), {"9991", "9992"}

    assert check_card_text(proefstad, tmp_path, today, "cak-wat-doet", gemeenten=codes)["ok"]
    refused = check_card_text(elsewhere, tmp_path, today, "cak-wat-doet", gemeenten=codes)
    assert not refused["ok"]
    assert [p["message"] for p in refused["problems"] if p["code"] == "unknown-gemeente"] == [
        "'## Lokaal: 1234': geen gemeente met code 1234. Kies een van deze codes: 9991, 9992"]
