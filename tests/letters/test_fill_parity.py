"""The browser (web-widget/src/letter/fill.js) and Python (knowledge/letters/templates.py, what the B1
checker reads) fill a template in the same way."""
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from knowledge.domain.letters import CaseFacts, letter_facts
from knowledge.letters.templates import SAMPLE_VALUES, fill, load_templates

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import { fillLetter, plainText } from './src/letter/fill.js';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { body, values } = JSON.parse(input);
process.stdout.write(plainText(fillLetter(body, values)));
"""


def lines(text: str) -> list[str]:
    return [line.removeprefix("### ").removeprefix("## ") for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("letter", sorted(load_templates()))
@pytest.mark.parametrize("empty", [(), ("wat_klopt_niet", "bsn", "telefoon", "wat_wilt_u")])
def test_browser_and_python_fill_a_letter_alike(letter, empty):
    case = CaseFacts(route="bezwaar", organisation="gemeente", decision_date=date(2026, 11, 13), asking_for="relative")
    values = {**SAMPLE_VALUES, **letter_facts(case, letter, today=date(2026, 11, 23), gemeente_name="Gemeente Voorbeeld")}
    values.update({name: "" for name in empty})
    body = load_templates()[letter].body
    browser = subprocess.run(["node", "--input-type=module", "-e", SCRIPT], cwd=ROOT / "web-widget", check=True,
                             input=json.dumps({"body": body, "values": values}), capture_output=True, text=True).stdout
    assert lines(browser) == lines(fill(body, values))
    assert "[[" not in browser and "{{" not in browser and "(als" not in browser
