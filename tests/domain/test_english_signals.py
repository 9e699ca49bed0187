"""English messages get the same safety decisions as Dutch ones (issue 13, routes.md §5): 112 only on
danger, 113 only on thoughts of suicide, urgency without emergency numbers; a person asked for in so
many words; someone sent back and forth or angry is offered a person."""
import pytest

from knowledge.domain.signals import asks_for_person, person_reason, signals


@pytest.mark.parametrize(("text", "expected"), [
    ("I want to kill myself", {"suicide"}),
    ("i dont want to live anymore", {"suicide"}),
    ("sometimes I think everyone would be better off without me", {"suicide"}),
    ("I have been saving up pills to take them all at once", {"suicide"}),
    ("I'm thinking about suicide", {"suicide"}),
    ("I want to end my life", {"suicide"}),
    ("my husband hits me and I'm scared to go home", {"danger"}),
    ("he threatens to kill me", {"danger"}),
    ("my father fell and he can't get up", {"danger"}),
    ("my mother is not breathing", {"danger"}),
    ("there is a fire in the kitchen", {"danger"}),
    ("I am not safe at home", {"danger"}),
    ("the care stops tomorrow", {"urgent"}),
    ("the home care for my mother stops tomorrow and she can't be alone", {"urgent"}),
    ("nobody is coming tonight to put my father to bed", {"urgent"}),
    ("we are being evicted next week", {"urgent"}),
    ("the landlord is throwing us out on friday", {"urgent"}),
    ("I have nowhere to sleep tonight", {"urgent"}),
    ("from monday there is no care for my dad at all", {"urgent"}),
])
def test_english_signals_follow_the_words(text, expected):
    assert signals(text) == expected


@pytest.mark.parametrize("text", [
    # no signal: these must never get 112 or 113
    "I can't take it anymore, all these forms from the municipality",
    "the stairs in my house are dangerous, I want a stairlift",
    "my blood pressure is high and I need help at home",
    "my care stopped last year and now I want to apply again",
    "the council reduced my hours",
    "the decision hit me hard",
    "the municipality doesn't respond to my emails",
    "the council threatened me with a fine",
    "my father is terminally ill and wants to die at home",
    "I want to end it with this care provider and find another one",
    "the mistakes with his pills can't go on like this",
])
def test_everyday_english_carries_no_signal(text):
    assert signals(text) == set()


def test_a_dying_persons_wish_with_the_writers_own_despair_is_still_suicide():
    assert "suicide" in signals("my father is terminally ill and I want to die too, I can't do this anymore")


@pytest.mark.parametrize("text", [
    "can I talk to a real person",
    "I want to speak to someone",
    "please call me back",
    "could someone phone me today",
    "transfer me to a human",
    "I want a human, not a bot",
    "agent please",
    "I'd like someone to call me back tomorrow",
    "could someone from your team phone me tomorrow?",
])
def test_asking_for_a_person_in_english(text):
    assert asks_for_person(text)


@pytest.mark.parametrize("text", [
    "they promised to call me back and never did",
    "I spoke to someone at the council and they said no",
    "I want to complain about the employee at the desk",
    "the person on the phone was rude",
])
def test_a_person_named_in_the_story_is_no_request(text):
    assert not asks_for_person(text)


@pytest.mark.parametrize(("text", "reason"), [
    ("I'm being sent from pillar to post", "kastje_muur"),
    ("the municipality and the care office keep pointing at each other", "kastje_muur"),
    ("nobody feels responsible for my mother's care", "kastje_muur"),
    ("I'm so fed up with this, it's ridiculous", "angry"),
    ("I'm at my wits' end", "angry"),
    ("the letter came on Monday", None),
    ("I'm exhausted, I haven't slept in weeks", "angry"),
    ("I can't keep carrying all of this alone any longer", "angry"),
    ("this can't go on, the home keeps making mistakes", None),  # about the situation, not despair
    ("ik ben uitgeput, ik slaap al weken slecht", "angry"),
    ("four phone calls and I'm back to square one", "kastje_muur"),
    ("I really don't know who to ask anymore", "kastje_muur"),
    ("this system is a joke and you are useless", "angry"),
    ("now they sent me their decision on my objection", None),  # a letter sent, not the citizen sent around
    ("everyone just sends me on", "kastje_muur"),
    ("my wheelchair is useless since the repair", None),
    ("she can't carry the groceries any more", None),  # a need, not the writer's despair
])
def test_english_reasons_to_offer_a_person(text, reason):
    assert person_reason(text) == reason
