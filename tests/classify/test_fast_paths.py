"""The hot path skips scikit-learn's input validation; the numbers must not change."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

DEV = Path(__file__).resolve().parents[1] / "data" / "classify_dev.jsonl"


def _texts() -> list[str]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:120]]
    return [r["text"] for r in rows] + ["", "!!!", "a"]


def test_tfidf_rows_equal_sklearn_transform(assistant) -> None:  # type: ignore[no-untyped-def]
    featurizer = assistant.classifier.featurizer
    counts = featurizer._hasher.transform(_texts())
    expected = featurizer._tfidf.transform(counts)
    got = featurizer._tfidf_rows(counts)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got.toarray(), expected.toarray(), rtol=0, atol=1e-12)


def test_fused_linear_models_equal_decision_function(assistant) -> None:  # type: ignore[no-untyped-def]
    clf = assistant.classifier
    texts = _texts()
    x = clf.features(texts, clf.embedder.encode(texts))
    scores = np.asarray(x @ clf._weights) + clf._bias
    n_topics, n_urgencies = len(clf.topic_model.classes_), len(clf.urgency_model.classes_)
    np.testing.assert_allclose(scores[:, :n_topics], clf.topic_model.decision_function(x))
    np.testing.assert_allclose(
        scores[:, n_topics : n_topics + n_urgencies], clf.urgency_model.decision_function(x)
    )
    assert clf.critical_model is not None
    np.testing.assert_allclose(scores[:, -1], clf.critical_model.decision_function(x))


def test_features_equal_scipy_hstack(assistant) -> None:  # type: ignore[no-untyped-def]
    """The directly assembled feature rows equal the plain scipy construction."""
    import scipy.sparse as sp

    featurizer = assistant.classifier.featurizer
    texts = _texts()
    vectors = featurizer.embedder.encode(texts)
    grams = featurizer._tfidf_rows(featurizer._hasher.transform(texts))
    weight = float(featurizer.ngram_config["weight"])
    expected = sp.hstack(
        [sp.csr_matrix(vectors * featurizer.embedding_weight), grams * weight], format="csr"
    )
    got = featurizer.transform(texts, vectors)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got.toarray(), expected.toarray(), rtol=0, atol=1e-12)
