"""E-mail recognizer: offline public-suffix check, no network."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from replyassist.masking.recognizers.de_email_recognizer import (
    _OFFLINE_TLD_EXTRACT,
    DeEmailRecognizer,
)

Found = Callable[[str], list[tuple[str, str]]]


def test_extractor_is_offline() -> None:
    assert _OFFLINE_TLD_EXTRACT.suffix_list_urls == ()
    assert _OFFLINE_TLD_EXTRACT("x@web.de").suffix == "de"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail an j.schulze@web.de bitte", "j.schulze@web.de"),
        ("kontakt: ayse.yilmaz87@gmx.net!", "ayse.yilmaz87@gmx.net"),
        ("E-Mail: Jana_S@t-online.de.", "Jana_S@t-online.de"),
    ],
)
def test_found_in_text(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "EMAIL_ADDRESS"] == [expected]


@pytest.mark.parametrize(
    "text", ["schreib mir @jana_s auf Insta", "Login als admin@server.local geht nicht", "a@b"]
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "EMAIL_ADDRESS"]


def test_validation_without_network() -> None:
    rec = DeEmailRecognizer()
    assert rec.validate_result("x@example.invalidtld") is False
    assert rec.validate_result("x@posteo.de") is True
