"""Pseudonymizer: consistent tokens per conversation, restore, memory only."""

from __future__ import annotations

import pytest

from replyassist.masking import Masker
from replyassist.masking.pseudonyms import Pseudonymizer
from replyassist.types import Entity


def test_round_trip(masker: Masker) -> None:
    p = Pseudonymizer()
    text = "Ich bin Jana Schulze, Tel. 0171 2345678. Meine Tochter Mia Schulze hat Asthma."
    pseudo = p.pseudonymize(text, masker.analyze(text))
    assert "Jana" not in pseudo and "0171" not in pseudo and "Asthma" not in pseudo
    assert "<PERSON_1>" in pseudo and "<PERSON_2>" in pseudo and "<PHONE_NUMBER_1>" in pseudo
    draft = (
        "Liebe <PERSON_1>, wir rufen Sie unter <PHONE_NUMBER_1> an. Gute Besserung an <PERSON_2>!"
    )
    assert p.restore(draft) == (
        "Liebe Jana Schulze, wir rufen Sie unter 0171 2345678 an. Gute Besserung an Mia Schulze!"
    )


def test_same_value_same_token_across_calls(masker: Masker) -> None:
    p = Pseudonymizer()
    first = p.pseudonymize(
        "Herr Kowalski ruft an: 0171/2345678", masker.analyze("Herr Kowalski ruft an: 0171/2345678")
    )
    second_text = "Nochmal Herr Kowalski, Handy 0171 2345678, und Frau Nowak"
    second = p.pseudonymize(second_text, masker.analyze(second_text))
    assert "<PERSON_1>" in first and "<PHONE_NUMBER_1>" in first
    assert second.count("<PERSON_1>") == 1 and "<PHONE_NUMBER_1>" in second
    assert "<PERSON_2>" in second  # Nowak is someone else


def test_last_name_alias_of_full_name() -> None:
    p = Pseudonymizer()
    t1 = "Jana Schulze"
    t2 = "Frau Schulze"
    a = p.pseudonymize(t1, [Entity("PERSON", 0, 12, 0.9)])
    b = p.pseudonymize(t2, [Entity("PERSON", 5, 12, 0.9)])
    assert a == "<PERSON_1>" and b == "Frau <PERSON_1>"


def test_unknown_tokens_stay_and_repr_hides_values() -> None:
    p = Pseudonymizer()
    p.pseudonymize("Jana", [Entity("PERSON", 0, 4, 0.9)])
    assert p.restore("<PERSON_7> und <EMAIL_ADDRESS_1>") == "<PERSON_7> und <EMAIL_ADDRESS_1>"
    assert "Jana" not in repr(p)
    p.clear()
    assert len(p) == 0 and p.restore("<PERSON_1>") == "<PERSON_1>"


def test_overlapping_entities_rejected() -> None:
    with pytest.raises(ValueError, match="non-overlapping"):
        Pseudonymizer().pseudonymize(
            "abcdef", [Entity("PERSON", 0, 4, 1), Entity("PERSON", 2, 5, 1)]
        )
