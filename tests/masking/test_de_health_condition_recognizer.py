"""HEALTH_CONDITION recognizer: lexicon, compounds, codes, care grade, decoys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich habe Brustkrebs", ["Brustkrebs"]),
        ("Meine Mutter hat Pflegegrad 3 und GdB 50", ["Pflegegrad 3", "GdB 50"]),
        ("Diagnose F32.1 und M54.5.", ["F32.1", "M54.5"]),
        ("icd f90.0 steht drauf", ["f90.0"]),
        ("bin schwanger in der 20. SSW", ["schwanger", "20. SSW"]),
        ("seit wochen rückenschmerzen", ["rückenschmerzen"]),
        ("Sehnenscheidenentzündung am Arm", ["Sehnenscheidenentzündung"]),  # compound
        ("wegen Sarkoidose in Behandlung", ["Sarkoidose"]),  # -ose
        ("Morbus Bechterew seit 2010", ["Morbus Bechterew"]),
        ("hab zucker", ["zucker"]),  # colloquial, after a cue
        ("chronische Bronchitis", ["chronische Bronchitis"]),
        ("Diabetes Typ 2 seit Jahren", ["Diabetes Typ 2"]),
        ("hab magen darm", ["magen darm"]),
        ("Merkzeichen aG im Ausweis", ["Merkzeichen aG"]),
    ],
)
def test_found(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wie beantrage ich einen Pflegegrad?",
        "Das Krankengeld und das Pflegegeld kamen nicht",
        "Die Diagnose kam per Post, die Prognose ist gut",
        "Netzstörung in der App",
        "Zahlt ihr die Impfung gegen Grippe?",
        "Gibt es einen Kurs für Zucker-Ernährung mit wenig Zucker?",
        "Die Steckdose und die Hose sind kostenlose Goodies",
        "Modell A320 bestellt",
        # prevention, tests, places, specialists, groups: nobody's condition
        "Zahlt ihr die Krebs-Vorsorge und den HIV-Test?",
        "Gibt es eine Post-Covid-Ambulanz in der Nähe?",
        "Hausarzt oder Magen-Darm-Arzt?",
        "An alle Frühchen-Eltern hier",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "HEALTH_CONDITION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # condition + procedure compound: only the condition
        ("Er bekommt seit seiner Darmkrebs-OP kein Krankengeld", ["Darmkrebs"]),
        ("seit meiner MS-Diagnose auf Hilfe angewiesen", ["MS"]),
        ("die Migräne-Therapie hilft", ["Migräne"]),
        # any other head: the condition in front is still the person's
        ("die Rechnung für meine Neurodermitis-Creme", ["Neurodermitis"]),
        ("er empfiehlt eine Tinnitus-Retraining-Therapie", ["Tinnitus"]),
        ("seine Diabetes-Schulung", ["Diabetes"]),
        # the head makes it a condition of its own: the whole word
        ("unser Sohn hat eine Autismus-Spektrum-Störung", ["Autismus-Spektrum-Störung"]),
        # symptoms with number or intensity
        ("Kind hat 40 Fieber", ["Fieber"]),
        ("seit gestern 39 Grad Fieber", ["Fieber"]),
        ("er hat starke schmerzen, der pflegedienst kommt", ["schmerzen"]),
        ("Die Schmerzen sind unerträglich.", ["Schmerzen"]),
        (
            "Ich bin psychisch krank und hatte eine Panikattacke",
            ["psychisch krank", "Panikattacke"],
        ),
        # eyesight, BMI, orthodontic indication group
        ("Meine Werte sind schlechter (-6,5 Dioptrien)", ["-6,5 Dioptrien"]),
        ("neue brille abgelehnt. hab -8. lohnt sich ein widerspruch?", ["-8"]),
        ("BMI 48, Diabetes, Schlafapnoe", ["BMI 48", "Diabetes", "Schlafapnoe"]),
        ("der Kieferorthopäde sagt KIG 4", ["KIG 4"]),
    ],
)
def test_found_compounds_symptoms_measures(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zahlt ihr eine Zweitmeinung vor einer Knie-OP?",
        "Die Magen-OP wurde abgelehnt.",
        "Kostenübernahme bei Fieber?",
        "Welche Schmerzen werden bei der Reha behandelt?",
        "Der Kontostand ist -8 €, bitte zurückrufen.",
        "Draußen sind -8 Grad.",
        "Ich brauche eine Diagnose-Bescheinigung.",
        "Der BMI-Rechner in der App ist kaputt.",
    ],
)
def test_not_found_compounds_symptoms_measures(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "HEALTH_CONDITION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mein vater kriegt schlecht luft", ["schlecht luft"]),
        ("mit 40 fieber und kaum luft", ["fieber", "kaum luft"]),
        ("ich kann kaum atmen", ["kaum atmen"]),
        ("mir ist seit tagen ständig schwindelig", ["schwindelig"]),
        ("hab mich gestern wieder geritzt", ["geritzt"]),
        ("ich ritze mich seit Monaten", ["ritze"]),
        ("Seit dem Unfall nur noch Schmerzen.", ["Schmerzen"]),
    ],
)
def test_found_symptom_phrases_and_self_harm(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ich hab kaum Luft zum Atmen vor lauter Arbeit",
        "und keine Luft nach oben bei den Beiträgen",
        "Das ist mir übel aufgestoßen",
        "Ich bin übel enttäuscht von euch",
        "Die Luft ist raus bei euch",
        "Die Brüstung wurde eingeritzt",
    ],
)
def test_not_found_figurative(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er ist halbseitig gelähmt.", ["halbseitig gelähmt"]),
        ("kann kaum laufen", ["kaum laufen"]),
        ("seit der Kündigung schlaf ich nicht mehr", ["schlaf ich nicht mehr"]),
        ("ich bekomm kaum luft und mein herz rast", ["kaum luft", "herz rast"]),
        ("dass ich mich wieder selbst verletze", ["selbst verletze"]),
        ("ich will nicht mehr leben", ["will nicht mehr leben"]),
        ("bin in der 30. Woche schwanger", ["30. Woche", "schwanger"]),
        ("Diabetes mellitus Typ 2", ["Diabetes mellitus Typ 2"]),
        ("wegen eines Hörsturzes krank", ["Hörsturzes"]),  # inflected lexicon entry
        ("hab seit tagen 39 fieber und husten", ["fieber", "husten"]),  # listed symptom
        ("Diagnose: Prostatakrebs, Gleason 7", ["Prostatakrebs", "Gleason 7"]),
        ("sie ist so schwach, dass sie nicht stehen kann", ["nicht stehen kann"]),
        ("er kann nicht frei sitzen", ["nicht frei sitzen"]),
        ("nach der OP kann ich nur an Krücken gehen", ["nur an Krücken gehen"]),
        ("seitdem riech und schmeck ich nix mehr", ["riech und schmeck ich nix mehr"]),
        ("mein Ohr pfeift seit Wochen", ["Ohr pfeift"]),
        ("bin ständig erschöpft", ["ständig erschöpft"]),
        # a phrase and a lexicon word inside it are one finding
        ("Ibuprofen hilft, aber Bein ist taub.", ["Bein ist taub"]),
    ],
)
def test_found_states_phrases_and_inflections(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zahlt ihr bei Fieber und Husten den Arzt?",
        "Die Kündigung kann warten, ich kann kaum erwarten",
        "eure App ist zusammengebrochen",
        "Ihr seid ja nie ansprechbar",
        "Ich bin total verwirrt von eurem Schreiben",
        "Sie kann nicht alleine aufstehen",  # needs help with a task: not a condition
        "weil ich nicht länger warten kann",
        "Das Telefon pfeift",
    ],
)
def test_not_found_everyday_uses(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hat sich im Urlaub das Handgelenk gebrochen", ["Handgelenk gebrochen"]),
        ("Opa kann kaum noch stehen", ["kaum noch stehen"]),
        ("hat Parkinson und fällt oft hin", ["Parkinson", "fällt oft hin"]),
        ("Mein Kind hat Sichelzellkrankheit", ["Sichelzellkrankheit"]),  # -krankheit compound
        ("wegen Schlafproblemen krankgeschrieben", ["Schlafproblemen"]),
        ("Mein Mann hat COPD Gold 3", ["COPD Gold 3"]),
    ],
)
def test_found_events_and_compounds(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich will eigentlich nur noch sterben.", ["will eigentlich nur noch sterben"]),
        ("will einfach nicht mehr aufwachen", ["will einfach nicht mehr aufwachen"]),
        ("hab eh keinen bock mehr auf dieses leben", ["keinen bock mehr auf dieses leben"]),
        ("dann spring ich von der brücke", ["spring ich von der brücke"]),
        ("hab mir wieder in den arm geschnitten", ["mir wieder in den arm geschnitten"]),
        ("hat Tavor genommen und reagiert kaum noch", ["reagiert kaum noch"]),
        ("er ist kaum ansprechbar.", ["kaum ansprechbar"]),
        ("hohes Fieber und trinkt nicht. Kinderarzt zu", ["Fieber", "trinkt nicht"]),
        ("Sie erkennt mich nicht mehr.", ["erkennt mich nicht mehr"]),
        ("meine Haare fallen aus", ["Haare fallen aus"]),
        ("mein linker arm kribbelt", ["arm kribbelt"]),
        ("40 fieber und krampft was soll ich machen", ["fieber", "krampft"]),
        ("mein vater ist umgekippt", ["umgekippt"]),
        ("ich seh alles doppelt", ["seh alles doppelt"]),
        ("und kotze den ganzen tag", ["kotze den ganzen tag"]),
        ("Sie hat einen Paukenerguss", ["Paukenerguss"]),  # lexicon, third session
    ],
)
def test_found_states_suicidal_and_vomiting(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "das kotzt mich an",
        "einfach zum kotzen mit euch",
        "ich will nicht mehr warten",
        "ich will einfach nur wissen, wann das Geld kommt",
        "Er isst nicht gern Gemüse",
        "die Seite reagiert nicht.",
        "Ihr reagiert nicht auf meine Mails",
        "krampft sich das Herz zusammen",
    ],
)
def test_not_found_everyday_states(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie isst kaum noch etwas, ihre", ["isst kaum noch etwas"]),
        ("liegt im Bett, redet kaum, hat", ["redet kaum"]),
        ("Unser Sohn hört seit Monaten schlecht", ["hört seit Monaten schlecht"]),
        ("Oma sieht fast nichts mehr", ["sieht fast nichts mehr"]),
        ("der macht nachts noch ins Bett", ["macht nachts noch ins Bett"]),
        ("Ich habe systemischen Lupus", ["systemischen Lupus"]),  # medical adjective
        ("Blutdruck 170/110 gemessen", ["Blutdruck 170/110"]),
        ("zahnfleisch blutet ständig", ["zahnfleisch blutet"]),
        ("Ich habe Sjögren-Syndrom und Paukenerguss", ["Sjögren-Syndrom", "Paukenerguss"]),
    ],
)
def test_found_senses_eating_and_qualified(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich höre nichts mehr von euch",
        "seit Wochen höre ich nichts mehr.",
        "ich sehe nichts mehr auf der Rechnung",
        "Ich höre schlecht zu, sorry",
        "die Verbindung ist abgebrochen",
        "das Band ist gerissen",
        "der Rücken ist durch die Arbeit kaputt gegangen",
    ],
)
def test_not_found_complaints_and_things(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == []
