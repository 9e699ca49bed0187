"""`rasa test nlu --cross-validation` with the same folds every run (`make eval-nlu`).

Rasa splits the folds with scikit-learn's StratifiedKFold(shuffle=True) and no seed, so two runs on the
same data differed by up to 0.04 in klacht F1 (0.879 and 0.921, 2026-12-07). Seeding NumPy's global
generator first fixes the split; the classifier itself is seeded in bot/config.yml.

    cd bot && ../.venv-rasa/bin/python ../evaluation/nlu_cv.py test nlu --nlu data --cross-validation --folds 5 ...
"""
import sys

import numpy as np

SEED = 42

if __name__ == "__main__":
    np.random.seed(SEED)
    from rasa.__main__ import main

    sys.argv = ["rasa", *sys.argv[1:]]
    main()
