"""An installation without a gemeenten/ folder starts as before: its single gemeente.yml is read as
leniently as the earlier loader read it; the files of a folder keep the strict schema."""
from __future__ import annotations

import logging

import pytest

from knowledge.domain.gemeente import load_gemeente
from knowledge.domain.gemeenten import GemeenteFileError, load_gemeenten

OLD_FILE = ("name: Gemeente Ergens\nphone: '14 0999'\nwebsite: http://www.ergens.nl\n"
            "own_ombudsman: de Ombudsman Ergens\nown_ombudsman_url: ''\nwethouder: J. Jansen\n")


def test_an_old_gemeente_yml_still_starts(tmp_path, caplog):
    file = tmp_path / "gemeente.yml"
    file.write_text(OLD_FILE, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        gemeente = load_gemeenten(None, file).default
    assert (gemeente.name, gemeente.website) == ("Gemeente Ergens", "http://www.ergens.nl")
    assert gemeente.ombudsman_name == "de Ombudsman Ergens" and gemeente.ombudsman.is_own
    assert gemeente.ombudsman.link is None  # no link, and not the Nationale ombudsman's
    assert "wethouder" in caplog.text
    settings = load_gemeente(file)
    assert settings.ombudsman_name == "de Ombudsman Ergens" and settings.ombudsman_url is None


def test_a_gemeenten_folder_file_stays_strict(tmp_path):
    folder = tmp_path / "gemeenten"
    folder.mkdir()
    (folder / "9993.yml").write_text(
        'code: "9993"\nname: Gemeente Ergens\nphone: "14 0999"\nwebsite: http://www.ergens.nl\n'
        "ombudsman:\n  kind: own\n  name: de Ombudsman Ergens\n", encoding="utf-8")
    with pytest.raises(GemeenteFileError) as error:
        load_gemeenten(folder, tmp_path / "none.yml")
    assert "website" in str(error.value) and "ombudsman" in str(error.value)
