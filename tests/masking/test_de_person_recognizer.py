"""PERSON recognizer: titles, lexicon names, chat spellings, decoys.

Names of several origins are used on purpose (German, Turkish, Polish,
Arabic, Italian, Russian transliterated); decoys are ordinary German words
that are also names somewhere ("Nur", "August"), forms of address
without a name, and the insurer's vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sehr geehrte Frau Dr. Nowak, danke.", ["Nowak"]),
        ("Herr Yılmaz hat angerufen", ["Yılmaz"]),
        ("Ich bin Jana Schulze und habe eine Frage", ["Jana Schulze"]),
        ("hey ich bin die jana kowalczyk", ["jana kowalczyk"]),
        ("Mit freundlichen Grüßen\nAndreas Becker", ["Andreas Becker"]),
        ("LG Kowalski", ["Kowalski"]),
        ("mein sohn max hat fieber", ["max"]),
        ("Ihr Kollege Prof. Lang war nett", ["Lang"]),
        ("Frau de Jonge hat mich zurückgerufen", ["de Jonge"]),
        ("Kontoinhaber: Giuseppe Russo", ["Giuseppe Russo"]),
        ("Danke an Mohammed Al-Hassan aus dem Service!", ["Mohammed Al-Hassan"]),
        ("Mein Name ist Iwanow.", ["Iwanow"]),
    ],
)
def test_found(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nur Krankengeld will ich, sonst nichts.",
        "Im August 2024 war ich in Kur.",
        "Meine Frau hat eine Frage zum Bonusprogramm.",
        "Sehr geehrte Damen und Herren, ehrlich gesagt: schlechter Service.",
        "Frau Doktor hat mich krankgeschrieben.",
        "Familienversicherung für mein Kind prüfen",
        "Wie beantrage ich Pflegegeld? Danke!",
        "Hallo liebes Team, ich habe eine Frage zur App.",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "PERSON"]


def test_title_stays_visible(masker) -> None:  # type: ignore[no-untyped-def]
    assert masker.mask("Guten Tag Herr Müller").text == "Guten Tag Herr <PERSON>"


def test_known_limitation_lone_first_name_word(found: Found) -> None:
    """A lone capitalized first name is taken as a name (0.6), so the idiom
    "Frank und frei" is masked: documented in docs/masking.md, kept visible here."""
    assert [v for t, v in found("Frank und frei gesagt: schlechter Service.") if t == "PERSON"] == [
        "Frank"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name line under a sign-off line, with an initial, hyphen or diacritics
        ("Bitte prüfen.\n\nMfG\nK. Brenner", ["K. Brenner"]),
        ("Danke.\nGruß\nR. Schmitt", ["R. Schmitt"]),
        ("Frist?\nDanke und Gruß\nM. Özdemir", ["M. Özdemir"]),
        ("Mit freundlichen Grüßen\nE. Lindner", ["E. Lindner"]),
        ("Reicht.\nM. Szymański", ["M. Szymański"]),
        ("Mit freundlichen Grüßen\nB. Hartmann, Rektorin", ["B. Hartmann"]),
        ("Mit freundlichen Grüßen\nSabine Krüger-Wendt\nKVNR folgt", ["Sabine Krüger-Wendt"]),
        ("Viele Grüße\nOdalys Quevedo\nTel. folgt", ["Odalys Quevedo"]),
        # English sign-offs
        ("How much is it?\nThanks, Priya", ["Priya"]),
        ("See attachment.\nBest, Tomasz", ["Tomasz"]),
        ("Kind regards\nJ. Okafor", ["J. Okafor"]),
        # title + initial + surname
        ("Ich habe mit Frau K. Brenner telefoniert.", ["K. Brenner"]),
        ("Herr M. Özdemir ist mein Betreuer.", ["M. Özdemir"]),
        # business named after its owner: only the surname
        ("Tischlerei Berg GmbH", ["Berg"]),
        ("Praxis für Physiotherapie Lindner\nTel. folgt", ["Lindner"]),
        ("Gemeinschaftspraxis Albers & Kollegen", ["Albers"]),
        ("Physiopraxis Becker hat abgerechnet", ["Becker"]),
        ("Kanzlei Hoffmann und Partner", ["Hoffmann"]),
        # a handle that is a name
        ("@Lisa Müller das wär was für uns", ["Lisa Müller"]),
    ],
)
def test_found_sign_offs_initials_businesses(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ist das euer Ernst? Seit Wochen keine Antwort.",
        "Im Ernst, das dauert zu lange.",
        "danke @Gesundkasse 💙",
        "Mit freundlichen Grüßen\nIhre Versichertenberatung",
        "Siehe Punkt A. Danach kommt Punkt B.",
        "Praxis für Physiotherapie hat angerufen.",
        "Tischlerei und Bäckerei sind Handwerksbetriebe.",
        "Die Kanzlei hat geschrieben.",
        "Rechtsanwältin hier, bitte um Rückruf.",
    ],
)
def test_not_found_sign_offs_initials_businesses(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "PERSON"]


def test_role_is_not_part_of_the_name(found: Found) -> None:
    text = "Rechtsanwältin Dr. Meier hier, ich vertrete Frau Aylin Kaya."
    assert [v for t, v in found(text) if t == "PERSON"] == ["Meier", "Aylin Kaya"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mit freundlichen Grüßen\nPhysiotherapie Lindner & Berg", ["Lindner", "Berg"]),
        ("Praxis Lindner und Schmidt GmbH", ["Lindner", "Schmidt"]),
        ("Praxis Lindner & Partner", ["Lindner"]),
        ("Kanzlei Weber und Kollegen", ["Weber"]),
    ],
)
def test_business_partners(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eure Antwortzeiten hier sind ziemlich lang geworden.",
        "Mit kollegialen Grüßen\nPraxisteam",
        "Notaufnahme mit meinem Mann, Verdacht auf Herzinfarkt",
    ],
)
def test_not_names_group_signatures_and_nouns(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("moin, ich bin ole aus kiel 🙂", ["ole"]),
        ("Hallo, ich bin Gökhan. Mein Vater hatte", ["Gökhan"]),
        ("Hey, ich bin Ngozi Adeyemi 👋 hab gerade", ["Ngozi Adeyemi"]),
        ("am Tag. Grüße Tobi PS: Der Arzt", ["Tobi"]),
        ("Thanks, Arjun Raghunathan +49 176 61209875", ["Arjun Raghunathan"]),
    ],
)
def test_introductions_and_signatures_on_one_line(
    found: Found, text: str, expected: list[str]
) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Rentnerin. Was kostet das?",
        "Ich bin Kassenpatient.",
        "Viele Grüße aus Berlin",
        "Moin. Bin Landwirt, 61, Rücken kaputt",
        "Hallöchen, mein Name ist unwichtig",
    ],
)
def test_introduced_nouns_are_not_names(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@tobias.renner guck mal", ["tobias.renner"]),  # a person's handle
        ("Hello, I am Abena Owusu. My daughter", ["Abena Owusu"]),
        ("My name is Kwame Mensah-Boateng, I am a student", ["Kwame Mensah-Boateng"]),
        ("Teşekkürler, Emre", ["Emre"]),
        ("ner ernährungsberatung erstattet? tobias", ["tobias"]),  # last words after a question
        ("Tach! Mein Kumpel Kalle sacht", ["Kalle"]),
        # a chat opened with the writer's name
        ("nils hier 👋 schlüsselbein gebrochen", ["nils"]),
        ("hey, dominik hier. kreuzbandriss", ["dominik"]),
        ("ahmad mein name. ich habe zucker", ["ahmad"]),
        ("bin lea, 19. die klinik sagt", ["lea"]),
        ("hi bin mehmet hab seit heut früh migräne", ["mehmet"]),
        ("unser baby ella ist da", ["ella"]),
        # the last words before a trailing phone number or id
        ("Bitte schnell antworten. Dimitra Papadopoulou 07071 559203", ["Dimitra Papadopoulou"]),
        ("Haushaltshilfe? Ivelina Todorova, KV-Nr. T905127361", ["Ivelina Todorova"]),
        (  # not the organisation line of a signature block
            "Danke.\nViele Grüße\nOle Petersen\nFlüchtlingshilfe Flensburg\n0461 50 39 27 14",
            ["Ole Petersen"],
        ),
    ],
)
def test_handles_foreign_introductions_and_final_signatures(
    found: Found, text: str, expected: list[str]
) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "@gesundkasse_hilft danke",
        "Wie geht das? Gesundkasse",
        "Bitte um Rückruf. Danke!",
        "i am sick of this",
    ],
)
def test_not_names_accounts_and_closings(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Physio Kramer sagt, ihr müsst", ["Kramer"]),  # role + lexicon surname
        ("Thank you, Mrs. Okafor", ["Okafor"]),
        ("meine mitbewohnerin sarah hat seit tagen", ["sarah"]),
        ("Mein Onkel Bernd hat Diabetes", ["Bernd"]),
        ("für den neuen Azubi Leon Hartmann eine Bescheinigung", ["Leon Hartmann"]),
    ],
)
def test_names_after_relatives_roles_and_english_titles(
    found: Found, text: str, expected: list[str]
) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "meine Nachbarin hilft mir",
        "Meine Nachbarin (Rentnerin) hat angerufen",
        "die Kollegin hat Recht",
        "die Physio Praxis hat zu",
    ],
)
def test_relatives_and_roles_without_a_name(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ist das so? Filmon Gebremedhin", ["Filmon Gebremedhin"]),  # unknown pair at the end
        ("Thanks a lot. Babatunde Adeyemi", ["Babatunde Adeyemi"]),  # yo_NG lexicon
        ("Danke. Nguyễn Văn Minh", ["Nguyễn Văn Minh"]),  # vi_VN lexicon, Vietnamese letters
    ],
)
def test_final_names_of_every_origin(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Werbung fürs Bonusprogramm. Prioritäten, @Gesundkasse. Prioritäten.",
        "unter einer Decke!!! TEILEN Leute, BOYKOTT!!!",
        "Was soll das? Schlechter Service",
    ],
)
def test_final_words_that_are_not_names(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == []
