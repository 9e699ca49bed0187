"""The Rasa project's data is valid, and every response the actions use exists."""
import re
import subprocess
from pathlib import Path

import yaml

BOT = Path(__file__).resolve().parents[2] / "bot"
RASA = BOT.parent / ".venv-rasa" / "bin" / "rasa"
UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule")


def responses_used_by_actions() -> set[str]:
    code = "\n".join(p.read_text() for p in (BOT / "actions").glob("*.py"))
    names = set(re.findall(r'"(utter_\w+)"', code))
    return names


def test_rasa_data_validate_is_clean():
    result = subprocess.run([str(RASA), "data", "validate"], cwd=BOT, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "No story structure conflicts found" in output
    # Rasa only sees responses used in stories and rules; the rest must be used by an action
    # or asked by a form (utter_ask_<slot>).
    unused = set(UNUSED.findall(output)) - responses_used_by_actions()
    unused = {name for name in unused if not name.startswith("utter_ask_")}
    assert not unused, f"responses used nowhere: {sorted(unused)}"
    problems = [line for line in output.splitlines()
                if ("UserWarning" in line or "ERROR" in line) and "is not used in any story or rule" not in line]
    assert not problems, "\n".join(problems)


def test_every_response_an_action_uses_exists_in_the_domain():
    domain = yaml.safe_load((BOT / "domain.yml").read_text())
    missing = responses_used_by_actions() - set(domain["responses"])
    assert not missing, f"actions use responses the domain lacks: {sorted(missing)}"


def test_bot_messages_are_short_b1_sentences():
    """Every bot response: sentences of at most 20 words, addressing the citizen as 'u'."""
    domain = yaml.safe_load((BOT / "domain.yml").read_text())
    for name, variants in domain["responses"].items():
        for variant in variants:
            text = re.sub(r"\{\w+\}", "X", variant["text"])
            for sentence in re.split(r"(?<=[.?!])\s+", text):
                assert len(sentence.split()) <= 20, f"{name}: {sentence!r}"
            assert not re.search(r"\b(je|jij|jouw|jullie)\b", text, re.IGNORECASE), f"{name} uses 'je/jij'"
