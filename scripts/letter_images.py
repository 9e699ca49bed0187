"""Render page 1 of each sample letter (knowledge/letters/) as a PNG in docs/letters/, filled in with
made-up details, through the letter page's own PDF code (web-widget/src/letter/pdf.js, run in Node).

    .venv/bin/python scripts/letter_images.py            # writes docs/letters/<letter>.png
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.letters import letter_drafts  # noqa: E402

OUT = ROOT / "docs" / "letters"
TODAY = date(2026, 11, 23)
# One conversation's state per letter (as the API's public state has it) and made-up details.
STATES = {
    "bezwaarschrift": {"route": "bezwaar", "organisation": "gemeente", "decision_date": "2026-11-13",
                       "deadline": "2026-12-28", "asking_for": "self"},
    "klachtbrief": {"route": "klacht", "organisation": "gemeente", "asking_for": "self"},
    "ingebrekestelling": {"route": "ingebrekestelling", "organisation": "ciz", "asking_for": "self"},
    "beroepschrift": {"route": "bezwaar", "organisation": "rechtbank", "decision_date": "2026-11-13",
                      "asking_for": "self"},
    "machtiging": {"route": "bezwaar", "organisation": "gemeente", "decision_date": "2026-11-13",
                   "deadline": "2026-12-28", "asking_for": "relative"},
}
VALUES = {
    "naam": "Jan Voorbeeld", "adres": "Dorpsstraat 1\n1234 AB Voorbeeld", "telefoon": "06 12345678",
    "kenmerk": "WMO-2026-0042", "naam_naaste": "Els Voorbeeld", "adres_naaste": "Kerkpad 3\n1234 AB Voorbeeld",
    "wat_klopt_niet": "Ik krijg nu 2 uur hulp per week. Dat is te weinig. Ik kan zelf niet stofzuigen "
                      "en geen bedden verschonen. Dat komt door mijn rug.",
    "wat_wilt_u": "Ik wil weer 4 uur hulp per week.",
    "wat_gebeurde": "Ik belde drie keer met het wijkteam. Niemand belde mij terug. De laatste keer werd ik "
                    "ook nog uitgelachen.",
    "wanneer": "2, 9 en 16 november 2026", "organisatie": "de gemeente Voorbeeld",
    "aan": "Rechtbank Voorbeeld", "termijn_voorbij": "ja", "waarop": "een beslissing op mijn aanvraag",
    "wanneer_gevraagd": "1 juli 2026", "geboortedatum_naaste": "1 mei 1940",
}


def main() -> None:
    jobs = []
    for letter, state in STATES.items():
        draft = next(d for d in letter_drafts(state, today=TODAY)["letters"] if d["id"] == letter)
        values = {k: v for k, v in VALUES.items() if not (k == "aan" and draft["facts"]["aan"])}
        jobs.append({"letter": draft, "values": values})
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        drafts = Path(tmp) / "drafts.json"
        drafts.write_text(json.dumps(jobs), encoding="utf-8")
        subprocess.run(["node", "scripts/render-letters.mjs", str(drafts), tmp], cwd=ROOT / "web-widget", check=True)
        for job in jobs:
            pdf = pypdfium2.PdfDocument(Path(tmp) / f"{job['letter']['id']}.pdf")
            image = pdf[0].render(scale=1.25).to_pil().convert("L")  # grey: a small file
            target = OUT / f"{job['letter']['id']}.png"
            image.save(target, optimize=True)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
