"""Health conditions: diagnoses, symptoms, disabilities, pregnancy, ICD-10, care grade."""

from __future__ import annotations

import regex

from replyassist.masking.lexicon import Lexicon, Token, read_lines, tokenize
from replyassist.masking.recognizers._base import SpanRecognizer

#: Words that, shortly before a "~" lexicon entry, make it personal.
CUES = frozenset(
    [
        "habe",
        "hab",
        "hab's",
        "hat",
        "hatte",
        "hatten",
        "habt",
        "haben",
        "leide",
        "leidet",
        "litt",
        "erkrankt",
        "diagnose",
        "diagnostiziert",
        "festgestellt",
        "wegen",
        "an",
        "meine",
        "meiner",
        "meinem",
        "mein",
        "seit",
        "akute",
        "akuter",
        "chronisch",
        "chronische",
        "chronischer",
        "schwere",
        "schwerer",
        "schwerem",
        "bin",
        "ist",
        "sind",
        "war",
        "bekommen",
        "bekam",
        "kriege",
        "krieg",
        "gekriegt",
    ]
)

# Compound suffixes: German builds diagnoses by compounding ("Lungen-" +
# "entzündung"), so an unseen compound is recognised by its head.
_SUFFIX_RE = regex.compile(
    r"\w{3,}(?:krebs|karzinom|tumor|tumore|itis|algie|(?<!pr)ämie|syndrom|schmerzen|schmerz"
    r"|entzündung|entzündungen|infarkt|insuffizienz|lähmung|allergie|allergien"
    r"|unverträglichkeit|intoleranz|erkrankung|erkrankungen|depression|depressionen"
    r"|diabetes|fraktur|blutung|geschwür|ödem|phobie|demenz|sklerose|stenose|kolik"
    r"|trauma|anfall|anfälle|infektion|behinderung|behindert|gelähmt|patient|patientin"
    r"|schwäche|krank|kranke|kranker|neurose|psychose|thrombose|arthrose|fibrose|dermatose)"
    r"|\w*(?:bein|arm|knochen|leisten|narben|nabel|hand|fuß|zehen|finger|rippen|wirbel|hüft"
    r"|schenkel|gelenk|schädel|kiefer|becken|knöchel|nasenbein|nervenzusammen)s?bruch"
    r"|\w{2,}(?<!netz|verbindungs|server|betriebs|app|system|funk|strom|ruhe|technik|leitungs"
    r"|stör|verkehrs|bahn|telefon)störung(?:en)?"
    r"|\w*(?:band|bänder|meniskus|sehnen|muskel|faser|netzhaut|kapsel|knorpel)riss"
    r"|\w*(?:bandscheiben|gebärmutter|darm)vorfall"
    r"|\w*(?:alkohol|drogen|medikamenten|opioid|nikotin|heroin|kokain)(?:abhängig|abhängigkeit|sucht)"
    r"|\w{4,}(?<!ge|be|ver|unter|sehn|eifer)sucht"
    r"|\w{3,}(?<!sym|anti|em|tele|homöo|osteo|natur)pathie"
    r"|\w*(?:dys|hyper|hypo|neo|a)plasie"
    r"|\w{4,}zustände"
)
#: "-ose" is the medical suffix for a disease state (Sarkoidose, Thrombose) but
#: also ends ordinary words (Diagnose, Steckdose, Hose, kostenlose, Franzose).
_OSE_RE = regex.compile(r"\w{4,}osen?")
_OSE_NOT = (
    "dose",
    "dosen",
    "hose",
    "hosen",
    "rose",
    "rosen",
    "lose",
    "losen",
    "gnose",
    "gnosen",
    "hypnose",
    "narkose",
    "kose",
    "zose",
    "zosen",
    "trose",
    "mose",
    "tuose",
    "biose",
    "lulose",
    "pose",
    "nose",
    "sose",
    "chose",
    "ktose",
)
_OSE_DISEASE = ("idose", "throse", "rrhose", "kulose", "porose")


def _is_ose_disease(key: str) -> bool:
    """Mukoviszidose, Arthrose, Zirrhose, Tuberkulose, Sarkoidose yes; Diagnose, Hose no."""
    if not _OSE_RE.fullmatch(key):
        return False
    return key.endswith(_OSE_DISEASE) or not key.endswith(_OSE_NOT)


_SUFFIX_EXCLUDE = frozenset(
    [
        "privatpatient",
        "privatpatientin",
        "kassenpatient",
        "kassenpatientin",
        "neupatient",
        "neupatientin",
        "schmerzensgeld",
        "netzstörung",
        "verbindungsschwäche",
        "führungsschwäche",
        "kaufkraftschwäche",
        "wirtschaftskrise",
        "nervenkrank",
        "computervirus",
        "lebensgefährlich",
    ]
)

_ICD_RE = regex.compile(r"(?<![\w.])[A-Z][0-9]{2}\.[0-9]{1,2}[GVAZRLB]?(?!\w|\.\d)")
_ICD_ANY_CASE_RE = regex.compile(
    r"(?i)(?<![\w.])[a-z][0-9]{2}(?:\.[0-9]{1,2})?[gvazrlb]?(?!\w|\.\d)"
)
_ICD_CONTEXT = regex.compile(
    r"(?i)(?:icd|diagnose|diagnoseschlüssel|schlüssel|code|au\b|krankschreibung)"
)
_MORBUS_RE = regex.compile(r"(?i)\bmorbus\s+[\p{L}-]{3,}")
#: Qualifiers that belong to the diagnosis: "Diabetes Typ 2", "Krebs im Frühstadium".
_QUALIFIER_RE = regex.compile(
    r"(?i)\s+(?:typ\s?[12]|grad\s?[1-4]|stadium\s?(?:[1-4]|I{1,3}V?)|im\s+(?:früh|end|spät|anfangs)stadium"
    r"|mit\s+metastasen)\b"
)
_PRE_QUALIFIER_RE = regex.compile(
    r"(?i)\b(?:chronisch|akut|schwer|leicht|mittelgradig|rezidivierend|beidseitig|fortgeschritten"
    r"|diabetisch|allergisch|psychisch|bipolar|metastasiert|bösartig|gutartig)(?:e|er|en|es|em)?\s+$"
)
_HEADS = regex.compile(
    r"syndrom|erkrankung|erkrankungen|krebs|karzinom|tumor|störung|störungen|allergie"
    r"|entzündung|infektion|schmerzen|insuffizienz|lähmung|demenz|depression|diabetes"
)
_CARE_RE = regex.compile(
    r"(?i)\b(?:pflegegrad|pflegestufe)\s*(?:von\s+|:\s*)?(?:[1-5]|eins|zwei|drei|vier|fünf|I{1,3}V?|V)\b"
    r"|(?-i:\bPG\s?[1-5]\b)"
)
_GDB_RE = regex.compile(
    r"(?i)\b(?:gdb|grad\s+der\s+behinderung|behinderungsgrad)\s*(?:von\s+|:\s*|=\s*)?\d{2,3}\b(?:\s*%)?"
    r"|\b\d{2,3}\s*%?\s*(?:gdb|schwerbehinderung|schwerbehindert)\b"
    r"|\bmerkzeichen\s+(?-i:aG|G|B|H|Bl|Gl|TBl|RF)\b"
)
_PREGNANCY_RE = regex.compile(
    r"(?i)\b(?:\d{1,2}\.?\s*)(?:ssw|schwangerschaftswoche)\b|\bssw\s*\d{1,2}\b"
)


class DeHealthConditionRecognizer(SpanRecognizer):
    """Diagnoses, illnesses, symptoms, disabilities, pregnancy (HEALTH_CONDITION).

    Sources, strongest first:
    - care grade ``Pflegegrad 3``/``PG 3``, disability degree ``GdB 50``,
      ``Merkzeichen aG``, pregnancy week ``24. SSW`` (0.85): unambiguous;
    - ICD-10 codes with a dot ``F32.1`` (0.75); without the dot ``F32`` or in
      lower case only after "ICD"/"Diagnose" nearby, since letter+2 digits is
      also a model number or a vitamin; "Morbus" + name (0.75);
    - the lexicon ``data/health_conditions.txt`` incl. colloquial words (0.8);
      entries marked ``~`` (Zucker, Grippe, Corona) only after a personal cue
      ("hab", "wegen", "mit"), because alone they are a topic;
    - unseen compounds by their head (``-entzündung``, ``-krebs``, ``-itis``,
      ``-schmerzen``, ``-ose``, ``-störung``, body part + ``-bruch`` ...) (0.7),
      with technical exclusions ("Netzstörung", "Diagnose", "Steckdose").
    A qualifier that follows ("Typ 2", "im Frühstadium") joins the span.
    "Pflegegrad", "Krankengeld", "Pflegegeld" alone are topic words, never matched.
    """

    ENTITY = "HEALTH_CONDITION"

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_language)
        self.lexicon = Lexicon(read_lines("health_conditions.txt"))

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        spans: list[tuple[int, int, float, str]] = []
        for rx, score, why in (
            (_CARE_RE, 0.85, "care grade"),
            (_GDB_RE, 0.85, "disability degree"),
            (_PREGNANCY_RE, 0.85, "pregnancy week"),
            (_ICD_RE, 0.75, "ICD-10 code"),
        ):
            spans.extend((m.start(), m.end(), score, why) for m in rx.finditer(text))
        for m in _ICD_ANY_CASE_RE.finditer(text):
            if _ICD_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                spans.append((m.start(), m.end(), 0.7, "ICD-10 code (context)"))
        spans.extend((m.start(), m.end(), 0.75, "Morbus + name") for m in _MORBUS_RE.finditer(text))
        tokens = tokenize(text)
        spans.extend(self._lexicon_spans(text, tokens))
        return spans

    def _lexicon_spans(self, text: str, tokens: list[Token]) -> list[tuple[int, int, float, str]]:
        spans = []
        matched: set[int] = set()
        for m in self.lexicon.matches(tokens):
            if m.entry.needs_cue and not has_cue(tokens, m.first, CUES):
                continue
            spans.append(
                self._qualified(text, tokens[m.first].start, tokens[m.last].end, 0.8, "lexicon")
            )
            matched.update(range(m.first, m.last + 1))
        for i, tok in enumerate(tokens):
            if i in matched or tok.key in _SUFFIX_EXCLUDE:
                continue
            last_part = tok.key.rsplit("-", 1)[-1]
            if (
                _SUFFIX_RE.fullmatch(tok.key)
                or _is_ose_disease(tok.key)
                or (
                    last_part != tok.key
                    and (
                        last_part in self.lexicon
                        or _SUFFIX_RE.fullmatch(last_part)
                        or _HEADS.fullmatch(last_part)
                    )
                )
            ):
                spans.append(self._qualified(text, tok.start, tok.end, 0.7, "compound suffix"))
        return spans

    @staticmethod
    def _qualified(
        text: str, start: int, end: int, score: float, why: str
    ) -> tuple[int, int, float, str]:
        q = _QUALIFIER_RE.match(text, end)
        pre = _PRE_QUALIFIER_RE.search(text, max(0, start - 30), start)
        return (pre.start() if pre else start, q.end() if q else end, score, why)


def has_cue(tokens: list[Token], index: int, cues: frozenset[str], window: int = 4) -> bool:
    """Whether one of ``cues`` occurs among the ``window`` tokens before ``index``."""
    return any(t.key in cues for t in tokens[max(0, index - window) : index])
