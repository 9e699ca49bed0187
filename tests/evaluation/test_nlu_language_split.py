"""`make eval-nlu` per language (issue 13): evaluation/nlu_cv.py picks a language's data and writes every
prediction; evaluation/nlu_report.py splits a combined model's predictions into Dutch and English."""
import json

from evaluation.nlu_cv import rasa_arguments
from evaluation.nlu_report import by_language, english_texts, scores


def test_a_language_picks_its_data_file_and_every_prediction_is_written():
    args = rasa_arguments(["test", "nlu", "--language", "en", "--nlu", "data", "--cross-validation", "--folds", "5"])
    assert args == ["test", "nlu", "--nlu", "data/nlu_en.yml", "--cross-validation", "--folds", "5", "--successes"]
    assert rasa_arguments(["test", "nlu", "--nlu", "data", "--cross-validation"])[-1] == "--successes"
    assert "--language" not in rasa_arguments(["test", "nlu", "--language", "all", "--nlu", "data"])


def test_the_english_examples_are_read_without_their_entity_markup():
    texts = english_texts()
    assert "I want to object to a decision" in texts
    assert "the [municipality](organisation)" not in texts and "the municipality" in texts


def test_scores_per_intent():
    report, weighted, macro, accuracy = scores([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")])
    assert report["a"]["precision"] == 1.0 and report["a"]["recall"] == 0.5
    assert round(report["b"]["f1-score"], 3) == 0.8
    assert accuracy == 0.75 and round(macro, 3) == round(weighted, 3) == round((2 / 3 + 0.8) / 2, 3)


def test_a_combined_models_predictions_split_by_language(tmp_path, capsys):
    english = "I want to object to a decision"
    predictions = [{"text": english, "intent": "bezwaar", "intent_prediction": {"name": "bezwaar"}},
                   {"text": "ik wil bezwaar maken", "intent": "bezwaar", "intent_prediction": {"name": "klacht"}}]
    (tmp_path / "intent_successes.json").write_text(json.dumps(predictions[:1]))
    (tmp_path / "intent_errors.json").write_text(json.dumps(predictions[1:]))
    assert by_language(tmp_path) == 0
    printed = capsys.readouterr().out
    assert "nl: weighted F1 0.000" in printed and "en: weighted F1 1.000" in printed
