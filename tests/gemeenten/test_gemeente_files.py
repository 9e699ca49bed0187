"""The gemeenten/ folder's schema: the examples load, and a bad file names the file, the field and the fix."""
from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest

from knowledge.domain.gemeenten import GemeenteFileError, contrast, load_gemeenten

ROOT = Path(__file__).resolve().parents[2]
SINGLE = ROOT / "knowledge" / "domain" / "gemeente.yml"
EXAMPLE = (ROOT / "gemeenten" / "9992.yml").read_text(encoding="utf-8")
NINE, FIVE = time(9), time(17)


def folder_with(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "gemeenten"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def test_the_two_examples_differ_in_ombudsman_hours_and_team():
    gemeenten = load_gemeenten(ROOT / "gemeenten", SINGLE)
    voorbeeld, proefstad = gemeenten.get("9991"), gemeenten.get("9992")
    assert gemeenten.get(None) == voorbeeld  # the default
    assert voorbeeld.ombudsman_name == "de Nationale ombudsman" and not voorbeeld.ombudsman.is_own
    assert proefstad.ombudsman_name == "de Ombudscommissie Proefstad" and proefstad.ombudsman.is_own
    friday_10 = datetime(2026, 11, 27, 10, 0)
    assert voorbeeld.open_at(friday_10, NINE, FIVE) and not proefstad.open_at(friday_10, NINE, FIVE)
    monday_14 = datetime(2026, 11, 23, 14, 0)
    assert voorbeeld.open_at(monday_14, NINE, FIVE) and not proefstad.open_at(monday_14, NINE, FIVE)
    assert not voorbeeld.open_at(datetime(2026, 12, 24, 10, 0), NINE, FIVE)  # closed on its holiday
    assert gemeenten.codes_of_team("proefstad") == {"9992"}
    assert proefstad.open_at(datetime(2026, 11, 26, 8, 30), NINE, FIVE)  # Thursday, at opening time
    assert not proefstad.open_at(datetime(2026, 11, 26, 12, 30), NINE, FIVE)  # closing time is closed


def test_without_a_folder_the_single_file_is_the_one_gemeente_as_before():
    gemeenten = load_gemeenten(None, SINGLE)
    only = gemeenten.get(None)
    assert list(gemeenten.by_code) == [only.code]
    assert (only.name, only.phone, only.ombudsman_name) == ("Gemeente Voorbeeld", "14 0123", "de Nationale ombudsman")
    assert only.open_at(datetime(2026, 11, 23, 10), NINE, FIVE)  # the installation's hours
    assert not only.open_at(datetime(2026, 11, 28, 10), NINE, FIVE)  # a Saturday


def test_a_legacy_file_with_its_own_ombudsman_keeps_it(tmp_path):
    file = tmp_path / "gemeente.yml"
    file.write_text("name: Gemeente Ergens\nphone: '14 0999'\nwebsite: https://www.ergens.nl\n"
                    "own_ombudsman: de Ombudsman Ergens\nown_ombudsman_url: https://www.ergens.nl/ombudsman\n")
    assert load_gemeenten(None, file).default.ombudsman_name == "de Ombudsman Ergens"


@pytest.mark.parametrize("change, field, fix", [
    (("kind: own", "kind: eigen"), "ombudsman.kind", "kind: own, regional or national"),
    (('code: "9992"', "code: 9992"), "code", "four digits in quotes"),
    (('mon: "08:30-12:30"', 'mon: "8.30 tot 12.30"'), "office_hours", '"HH:MM-HH:MM"'),
    (('mon: "08:30-12:30"', 'mon: "12:30-08:30"'), "office_hours", '"HH:MM-HH:MM"'),  # closes before it opens
    (('colour: "#7a1f5c"', 'colour: "#f0c0e0"'), "widget", "contrast of at least 4.5:1"),
    (("website: https://www.proefstad.nl", "webiste: https://www.proefstad.nl"), "webiste",
     "remove 'webiste' or correct its spelling"),
    (("  name: de Ombudscommissie Proefstad\n", ""), "ombudsman", "own and regional also need name and url"),
])
def test_a_bad_file_names_file_field_and_fix(tmp_path, change, field, fix):
    folder = folder_with(tmp_path, **{"9992": EXAMPLE.replace(*change)})
    with pytest.raises(GemeenteFileError) as error:
        load_gemeenten(folder, SINGLE)
    message = str(error.value)
    assert str(folder / "9992.yml") in message
    assert f"field '{field}'" in message
    assert "Fix:" in message and fix in message


def test_a_file_named_after_another_code_is_refused(tmp_path):
    folder = folder_with(tmp_path, **{"9993": EXAMPLE})
    with pytest.raises(GemeenteFileError, match=r"9993\.yml: field 'code'.*rename the file to 9992\.yml"):
        load_gemeenten(folder, SINGLE)


def test_exactly_one_default_among_several(tmp_path):
    other = EXAMPLE.replace('"9992"', '"9993"')
    folder = folder_with(tmp_path, **{"9992": EXAMPLE, "9993": other})
    with pytest.raises(GemeenteFileError, match="field 'default'.*default: true in exactly one"):
        load_gemeenten(folder, SINGLE)


def test_broken_yaml_names_the_line(tmp_path):
    folder = folder_with(tmp_path, **{"9992": 'code: "9992"\nname: [Gemeente\n'})
    with pytest.raises(GemeenteFileError, match=r"9992\.yml: no valid YAML at line \d"):
        load_gemeenten(folder, SINGLE)


def test_contrast_follows_wcag():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes on white


def test_the_privacy_statement_names_the_gemeente_of_the_widget(monkeypatch):
    from api.core.config import Settings
    from api.routes.privacy import privacy_markdown

    settings = Settings(gemeenten_dir=ROOT / "gemeenten")
    assert "Gemeente Proefstad" in privacy_markdown(settings, "9992") and "14 0999" in privacy_markdown(settings, "9992")
    assert "Gemeente Voorbeeld" in privacy_markdown(settings, None)
    assert "Gemeente Voorbeeld" in privacy_markdown(settings, "0363")  # unknown: the default gemeente


def test_a_folder_that_is_missing_or_empty_is_refused_not_ignored(tmp_path):
    with pytest.raises(GemeenteFileError, match=r"does not exist\. Fix: .*or unset WEGWIJS_GEMEENTEN_DIR"):
        load_gemeenten(tmp_path / "nowhere", SINGLE)
    (tmp_path / "empty").mkdir()
    with pytest.raises(GemeenteFileError, match=r"has no <code>\.yml files"):
        load_gemeenten(tmp_path / "empty", SINGLE)


def test_the_check_command_lists_the_gemeenten_or_names_the_wrong_field(tmp_path):
    import subprocess
    import sys

    good = subprocess.run([sys.executable, "-m", "api.cli", "check-gemeenten", str(ROOT / "gemeenten")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0
    assert "9991\tGemeente Voorbeeld (standaard)\tombudsman: de Nationale ombudsman" in good.stdout
    assert "9992\tGemeente Proefstad\tombudsman: de Ombudscommissie Proefstad\tteam: proefstad" in good.stdout
    folder = folder_with(tmp_path, **{"9992": EXAMPLE.replace('phone: "14 0999"\n', "")})
    bad = subprocess.run([sys.executable, "-m", "api.cli", "check-gemeenten", str(folder)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert f"{folder / '9992.yml'}: field 'phone': Field required. Fix: add phone:" in bad.stderr


def test_a_letter_to_the_ombudsman_names_the_gemeentes_own_ombudsman_and_where_to_find_it():
    from datetime import date

    from knowledge.letters import letter_drafts

    state = {"route": "klacht", "organisation": "ombudsman"}
    proefstad = letter_drafts(state, today=date(2026, 11, 23), gemeente_file=ROOT / "gemeenten" / "9992.yml")
    where = " ".join(proefstad["letters"][0]["sending"]["where"])
    assert ("Ging uw klacht over de gemeente? Stuur de brief dan naar de Ombudscommissie Proefstad. "
            "Kijk op https://www.proefstad.nl/ombudscommissie.") in where
    voorbeeld = letter_drafts(state, today=date(2026, 11, 23), gemeente_file=ROOT / "gemeenten" / "9991.yml")
    assert "Ging uw klacht over de gemeente" not in " ".join(voorbeeld["letters"][0]["sending"]["where"])


def test_the_example_letter_address_takes_registered_mail():
    """The letter page advises sending "aangetekend": that cannot go to an antwoordnummer."""
    address = load_gemeenten(ROOT / "gemeenten", SINGLE).get("9992").post_address
    assert "Postbus 9992" in address and "antwoordnummer" not in address.lower()
