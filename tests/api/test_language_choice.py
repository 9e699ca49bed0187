"""Which language the citizen chose after the offer (api/services/language_choice.py), and which
first messages cannot wait for the offer."""
import pytest

from api.models import Message
from api.services.language_choice import DUTCH_PAYLOAD, ENGLISH_PAYLOAD, cannot_wait, chosen, is_choice, is_english

FIRST = Message(text="I do not agree with the decision of the municipality about my home care")


@pytest.mark.parametrize("reply, language", [
    ({"payload": ENGLISH_PAYLOAD}, "en"), ({"payload": DUTCH_PAYLOAD}, "nl"),
    ({"text": "yes please"}, "en"), ({"text": "English please, not Dutch"}, "en"),
    ({"text": "No, English please"}, "en"), ({"text": "I don't speak Dutch"}, "en"),
    ({"text": "nee, Nederlands is goed"}, "nl"), ({"text": "Nederlands graag"}, "nl"), ({"text": "ja"}, "nl"),
])
def test_the_choice_is_read_from_a_click_or_short_words(reply, language):
    assert chosen(Message(**reply), FIRST) == language


def test_a_longer_reply_is_no_choice_and_the_language_follows_the_writing():
    reply = Message(text="Also the woman on the phone was very rude to me and I want to complain about her")
    assert not is_choice(reply) and chosen(reply, FIRST) == "en"


def test_english_is_detected_only_when_clear():
    assert is_english(FIRST.text)
    assert not is_english("Ik ben het niet eens met de beslissing van de gemeente")
    assert not is_english("hello")  # too short to tell


@pytest.mark.parametrize("text", ["I want to kill myself, my home care stopped",
                                  "my care stops tomorrow and nobody will come",
                                  "Can I please talk to a real person?"])
def test_what_cannot_wait_gets_no_offer(text):
    assert cannot_wait(text)


def test_a_plain_question_can_wait():
    assert not cannot_wait("I do not agree with the decision of the municipality")
