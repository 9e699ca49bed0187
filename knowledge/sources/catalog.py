"""What each seed report is: title, author and year, as far as known.

The seed files (`../shared/seeds/*.txt`, text taken from PDFs) carry no title page. These
facts come from the research notes on the seeds (`../shared/research/seeds_*.md`); where the
report does not print them, `note` says what was inferred. `python -m knowledge.sources
extract` copies them into the header of each excerpt file. Add an entry when a card starts
citing a new seed file.
"""
from __future__ import annotations

SEEDS: dict[str, dict[str, str]] = {
    "000_b25b1daa1a64a345.txt": {
        "title": "Komt een kind bij de buurvrouw",
        "author": "De Nationale ombudsman (dr. A.F.M. Brenninkmeijer)",
        "year": "2011",
        "note": "Report on the service of the AWBZ zorgkantoren to pgb holders. The year is not printed: "
                "it covers complaints from 2010 and quotes dates in early 2011 (research notes seeds_000_001.md). "
                "AWBZ era: much of it is outdated.",
    },
    "001_9bc7dd9dae66646b.txt": {
        "title": "Blijvende zorg. Conclusies en oproep Nationale ombudsman naar aanleiding van "
                 "terugblikonderzoek toegang tot zorg",
        "author": "De Nationale ombudsman (Reinier van Zutphen)",
        "year": "2020",
        "note": "The year is not printed: it refers to events up to July 2020 (research notes seeds_000_001.md).",
    },
    "002_e7ee3c6fb84c54cd.txt": {
        "title": "Cliëntondersteuning in de Wlz",
        "author": "Nederlandse Zorgautoriteit (NZa)",
        "year": "2017",
        "note": "The year is not printed: it describes the situation in 2016 and refers to rules for 2017 "
                "(research notes seeds_002_003.md).",
    },
    "003_c6e3a89de101c768.txt": {
        "title": "Kamerbrief over de stand van zaken pgb (Agenda pgb en PGB2.0)",
        "author": "De Minister van Volksgezondheid, Welzijn en Sport (H.M. de Jonge)",
        "year": "2020",
        "note": "Letter to the Tweede Kamer; the title is descriptive (none is printed). Sent before the "
                "algemeen overleg pgb of 11 November 2020 (research notes seeds_002_003.md).",
    },
    "004_ee66866ac2510e76.txt": {
        "title": "Klachtbehandeling in het sociaal domein",
        "author": "De Nationale ombudsman (Reinier van Zutphen)",
        "year": "2017",
        "note": "No title page or date in the text; the title is descriptive. The latest dates it cites are from "
                "February 2017. Probably published as 'Terug aan tafel' (not verified; research notes "
                "seeds_004.md).",
    },
}

UNKNOWN = {"title": "", "author": "", "year": "",
           "note": "Not in knowledge/sources/catalog.py yet: add the title, author and year there."}


def describe_seed(name: str) -> dict[str, str]:
    """Title, author, year and note for a seed file name ("" where unknown)."""
    return dict(SEEDS.get(name, UNKNOWN))
