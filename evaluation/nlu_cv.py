"""`rasa test nlu --cross-validation` with the same folds every run (`make eval-nlu`).

Rasa splits the folds with scikit-learn's StratifiedKFold(shuffle=True) and no seed, so two runs on the
same data differed by up to 0.04 in klacht F1 (0.879 and 0.921, 2026-12-07). Seeding NumPy's global
generator first fixes the split; the classifier itself is seeded in bot/config.yml.

    cd bot && ../.venv-rasa/bin/python ../evaluation/nlu_cv.py test nlu --nlu data --cross-validation --folds 5 ...

`--language nl` or `--language en` trains and tests on that language's data alone (data/nlu.yml or
data/nlu_en.yml) instead of all of data/ (issue 13: one combined model or one per language). A
cross-validation run also writes every correct prediction (intent_successes.json), so
`python -m evaluation.nlu_report DIR --by-language` can split the numbers of a combined model.
"""
import sys

import numpy as np

SEED = 42
LANGUAGE_DATA = {"nl": "data/nlu.yml", "en": "data/nlu_en.yml"}


def rasa_arguments(argv: list[str]) -> list[str]:
    """Rasa's command line: `--language X` taken out (its data file replaces --nlu's), and
    --successes added to a cross-validation run."""
    args = list(argv)
    if "--language" in args:
        at = args.index("--language")
        language = args[at + 1]
        del args[at:at + 2]
        if language != "all":
            data = LANGUAGE_DATA[language]
            if "--nlu" in args:
                args[args.index("--nlu") + 1] = data
            else:
                args += ["--nlu", data]
    if "--cross-validation" in args and "--successes" not in args:
        args.append("--successes")
    return args


if __name__ == "__main__":
    np.random.seed(SEED)
    from rasa.__main__ import main

    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:])]
    main()
