"""Precomputed embeddings of every template variant.

Long replies are the slowest texts to embed (about 10 ms each with USE), so the
vectors are computed by ``replyassist train`` and stored next to the model as
``variant_vectors.npz``: variant ids, a hash of each rendered text and embedder,
and the vectors (no pickle). At load time a vector is reused only when its hash
still matches; edited variants are re-embedded, never silently stale.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from replyassist.classify.embeddings import Embedder
from replyassist.guidelines.loader import GuidelineSet

FILENAME = "variant_vectors.npz"


def variant_texts(guidelines: GuidelineSet) -> list[str]:
    """The text each variant vector is computed from (its neutral rendering)."""
    return [guidelines.sample_rendering(v) for v in guidelines.variants]


def _hashes(texts: list[str], embedder: Embedder) -> list[str]:
    return [hashlib.sha256(f"{embedder.spec}\0{t}".encode()).hexdigest()[:24] for t in texts]


def save_variant_vectors(guidelines: GuidelineSet, embedder: Embedder, folder: Path) -> int:
    texts = variant_texts(guidelines)
    vectors = embedder.encode(texts)
    np.savez_compressed(
        folder / FILENAME,
        ids=np.asarray([v.variant_id for v in guidelines.variants]),
        hashes=np.asarray(_hashes(texts, embedder)),
        vectors=vectors.astype(np.float32),
    )
    return len(texts)


def load_variant_vectors(
    guidelines: GuidelineSet, embedder: Embedder, folder: Path | None
) -> tuple[np.ndarray, int]:
    """Vectors in the order of ``guidelines.variants`` and how many had to be (re)computed."""
    texts = variant_texts(guidelines)
    hashes = _hashes(texts, embedder)
    cached: dict[str, np.ndarray] = {}
    path = folder / FILENAME if folder is not None else None
    if path is not None and path.exists():
        with np.load(path, allow_pickle=False) as data:
            cached = {str(h): vec for h, vec in zip(data["hashes"], data["vectors"], strict=True)}
    missing = [i for i, h in enumerate(hashes) if h not in cached]
    out = np.empty((len(texts), embedder.dim), dtype=np.float32)
    for i, h in enumerate(hashes):
        if h in cached:
            out[i] = cached[h]
    if missing:
        out[missing] = embedder.encode([texts[i] for i in missing])
    return out, len(missing)
