"""Fixtures for the masking tests: the Masker is built once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from replyassist.masking import Masker


@pytest.fixture(scope="session")
def masker() -> Masker:
    """The default Masker; construction (spaCy, lexicons) is the expensive part."""
    return Masker.default()


@pytest.fixture(scope="session")
def found(masker: Masker) -> Callable[[str], list[tuple[str, str]]]:
    """``(entity_type, surface text)`` pairs the default Masker finds in a text."""

    def _found(text: str) -> list[tuple[str, str]]:
        return [(e.entity_type, text[e.start : e.end]) for e in masker.analyze(text)]

    return _found
