"""Masker: offsets, placeholders, batching, allow list, configuration, extension."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from presidio_analyzer import Pattern, PatternRecognizer

from replyassist.masking import ALL_ENTITY_TYPES, Masker, MaskingConfig, MaskingConfigError
from replyassist.masking.masker import resolve_overlaps
from replyassist.types import Entity, Masked

TEXT = (
    "Hallo, ich bin Jana Schulze, geb. 03.05.1978, wohne Hauptstraße 12, 01067 Dresden. "
    "KVNR A000500015, Tel. 0171 2345678, j.schulze@web.de, IBAN DE89 3704 0044 0532 0130 00. "
    "Ich habe Diabetes Typ 2 und nehme Metformin 1000 mg. Hotline 0800 4375 3752."
)


def test_default_covers_the_taxonomy(masker: Masker) -> None:
    assert set(masker.entity_types) == set(ALL_ENTITY_TYPES)
    assert len(ALL_ENTITY_TYPES) == 10


def test_offsets_and_placeholders(masker: Masker) -> None:
    masked = masker.mask(TEXT)
    assert isinstance(masked, Masked)
    types = [e.entity_type for e in masked.entities]
    assert set(types) == set(ALL_ENTITY_TYPES) - {"DE_SOCIAL_SECURITY"}
    starts = [e.start for e in masked.entities]
    assert starts == sorted(starts)
    for a, b in zip(masked.entities, masked.entities[1:], strict=False):
        assert a.end <= b.start
    # rebuilding the masked text from the original and the offsets gives the same string
    rebuilt, pos = [], 0
    for e in masked.entities:
        rebuilt += [TEXT[pos : e.start], f"<{e.entity_type}>"]
        pos = e.end
    assert "".join([*rebuilt, TEXT[pos:]]) == masked.text
    for raw in ("Jana Schulze", "A000500015", "0171 2345678", "Metformin", "Diabetes"):
        assert raw not in masked.text
    assert "0800 4375 3752" in masked.text  # allow-listed hotline


def test_expected_spans(masker: Masker) -> None:
    found = {(e.entity_type, TEXT[e.start : e.end]) for e in masker.analyze(TEXT)}
    assert ("PERSON", "Jana Schulze") in found
    assert ("DATE_OF_BIRTH", "03.05.1978") in found
    assert ("ADDRESS", "Hauptstraße 12, 01067 Dresden") in found
    assert ("MEDICATION", "Metformin 1000 mg") in found
    assert ("HEALTH_CONDITION", "Diabetes Typ 2") in found


def test_mask_many_equals_mask(masker: Masker) -> None:
    texts = [TEXT, "", "   ", "keine Daten hier", "Herr Yılmaz hat Migräne", *(["Frau Meier"] * 70)]
    batched = list(masker.mask_many(iter(texts)))
    assert batched == [masker.mask(t) for t in texts]


def test_mask_many_is_lazy(masker: Masker) -> None:
    def endless():  # type: ignore[no-untyped-def]
        while True:
            yield "Herr Müller"

    it = masker.mask_many(endless())
    assert next(it).text == "Herr <PERSON>"


def test_empty_and_whitespace(masker: Masker) -> None:
    assert masker.mask("") == Masked("", ())
    assert masker.analyze(" \n\t") == []


def test_type_error_has_no_text(masker: Masker) -> None:
    with pytest.raises(TypeError):
        masker.mask(123)  # type: ignore[arg-type]


def test_config_subset_and_allow_list() -> None:
    cfg = MaskingConfig(entity_types=("PHONE_NUMBER",), allow_list=("0171 2345678",))
    m = Masker.from_config(cfg)
    assert m.entity_types == ("PHONE_NUMBER",)
    assert m.mask("Herr Müller, 0171-2345678, 0351 1234567").text == (
        "Herr Müller, 0171-2345678, <PHONE_NUMBER>"
    )


def test_threshold_drops_weak_findings() -> None:
    strict = Masker.from_config(MaskingConfig(entity_types=("PHONE_NUMBER",), score_threshold=0.7))
    assert strict.mask("0351 1234567").entities == ()  # no cue: 0.6
    assert len(strict.mask("Tel. 0351 1234567").entities) == 1  # cue: 0.95


def test_config_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "masking.yaml"
    path.write_text(
        "masking:\n  entity_types: [PERSON, EMAIL_ADDRESS]\n  score_threshold: 0.6\n"
        "  allow_list: ['service@kasse.de']\n",
        encoding="utf-8",
    )
    cfg = MaskingConfig.from_yaml(path)
    assert cfg.entity_types == ("PERSON", "EMAIL_ADDRESS")
    assert cfg.score_threshold == 0.6
    m = Masker.from_config(cfg)
    assert m.mask("Schreib an service@kasse.de oder jana@web.de").text == (
        "Schreib an service@kasse.de oder <EMAIL_ADDRESS>"
    )


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("entity_types: [PERSON, SECRET]", "entity_types"),
        ("score_threshold: 2", "score_threshold"),
        ("score_threshold: hoch", "score_threshold"),
        ("allow_list: 0800", "allow_list"),
        ("colour: blue", "colour"),
        ("- a list", "top level"),
    ],
)
def test_config_errors_name_the_field(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MaskingConfigError, match=field):
        MaskingConfig.from_yaml(path)


def test_config_error_does_not_echo_values() -> None:
    with pytest.raises(MaskingConfigError) as info:
        MaskingConfig.from_dict({"allow_list": "Jana Schulze 0171 2345678"})
    assert "Jana" not in str(info.value) and "0171" not in str(info.value)


def test_add_recognizer_extension_point() -> None:
    m = Masker.from_config(MaskingConfig(entity_types=("PERSON",)))
    member_id = PatternRecognizer(
        supported_entity="MEMBER_ID",
        supported_language="de",
        patterns=[Pattern("member id", r"\bMG-\d{6}\b", 0.9)],
    )
    m.add_recognizer(member_id)
    assert "MEMBER_ID" in m.entity_types
    assert m.mask("Mitglied MG-123456, Herr Kowalski").text == "Mitglied <MEMBER_ID>, Herr <PERSON>"


def test_add_recognizer_rejects_other_language() -> None:
    m = Masker.from_config(MaskingConfig(entity_types=("PERSON",)))
    english = PatternRecognizer(
        supported_entity="X", supported_language="en", patterns=[Pattern("x", "x", 0.9)]
    )
    with pytest.raises(ValueError, match="supported_language"):
        m.add_recognizer(english)


def test_resolve_overlaps_prefers_containing_span() -> None:
    person = Entity("PERSON", 0, 12, 0.75)
    condition = Entity("HEALTH_CONDITION", 7, 12, 0.8)
    assert resolve_overlaps([condition, person]) == [person]
    strong = Entity("HEALTH_CONDITION", 7, 12, 0.95)
    assert resolve_overlaps([strong, person]) == [strong]


def test_resolve_overlaps_merges_spans_of_one_type() -> None:
    phrase = Entity("HEALTH_CONDITION", 0, 13, 0.75)  # "Bein ist taub"
    word = Entity("HEALTH_CONDITION", 9, 13, 0.8)  # "taub"
    later = Entity("HEALTH_CONDITION", 20, 25, 0.8)
    assert resolve_overlaps([word, later, phrase]) == [
        Entity("HEALTH_CONDITION", 0, 13, 0.8),
        later,
    ]
    touching = Entity("HEALTH_CONDITION", 13, 16, 0.8)  # adjacent, not overlapping
    assert len(resolve_overlaps([phrase, touching])) == 2


def test_nothing_logged_contains_raw_text(masker: Masker, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        masker.mask("Jana Schulze, IBAN DE89 3704 0044 0532 0130 01 (falsch), a@b")
    assert "Jana" not in caplog.text and "DE89" not in caplog.text


def test_engine_is_built_once(masker: Masker) -> None:
    engine = masker.engine
    masker.mask("Herr Müller")
    assert masker.engine is engine
