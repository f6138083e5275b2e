"""Medication: drugs and their doses."""

from __future__ import annotations

import regex

from replyassist.masking.lexicon import (
    Lexicon,
    Token,
    german_stop_words,
    read_lines,
    read_words,
    tokenize,
)
from replyassist.masking.recognizers._base import SpanRecognizer
from replyassist.masking.recognizers.de_health_condition_recognizer import has_cue

CUES = frozenset(
    [
        "nehme",
        "nimmt",
        "nehmen",
        "genommen",
        "nahm",
        "einnehmen",
        "bekomme",
        "bekommt",
        "bekam",
        "verschrieben",
        "verordnet",
        "rezept",
        "tabletten",
        "tablette",
        "spritze",
        "spritzen",
        "spritzt",
        "brauche",
        "braucht",
        "dosis",
        "mg",
        "täglich",
        "morgens",
        "abends",
        "auf",
    ]
)

# International non-proprietary name stems (WHO INN): unseen active substances
# are recognised by them ("Candesartan", "Adalimumab").
_INN_RE = regex.compile(
    r"\w{3,}(?:pril|sartan|olol|statin|prazol|mab|tinib|azepam|azolam|oxetin|triptan|cillin"
    r"|mycin|cyclin|floxacin|dipin|gliptin|gliflozin|parin|afil|triptylin|iapin|zapin|idon"
    r"|profen|coxib|setron|lukast|tidin|conazol|ciclovir|semid|thiazid|glutid|zepatid"
    r"|gabalin|tiracetam|trigin|xaban|gatran|dronat|sonid|cortison|olon|kainid|mipramin|grel|grelor)"
)
_INN_EXCLUDE = frozenset(["kandidat", "april", "idol", "symbol", "alkohol", "protokoll"])
# A dose stays on the drug's line: in a list "Bisoprolol 5 mg\nAtorvastatin"
# the "5 mg" is not Atorvastatin's. Combination doses: "Entresto 49/51 mg".
_DOSE = (
    r"[ \t]*(?:\d+[ \t]*[x×][ \t]*)?\d+(?:[.,]\d+)?(?:[ \t]*/[ \t]*\d+(?:[.,]\d+)?)?[ \t]*"
    r"(?:mg|g|µg|mcg|ug|ml|mmol|ie|i\.\s?e\.|iu|einheiten|mikrogramm|milligramm|%)"
    r"(?:[ \t]*/[ \t]*(?:tag|d|ml))?(?![\w])"
)
# A product word between name and dose: "Quetiapin retard 200 mg", "L-Thyrox HEXAL 100".
_FORM = r"(?:[ \t]+(?:retard|forte|mite|comp|akut|adult|depot|hexal|ratiopharm|xr|bid|kwikpen))?"
_DOSE_AFTER = regex.compile(
    r"(?i)"
    + _FORM
    + "(?:"
    + _DOSE
    + r"|[ \t]+(?:\d{2,4}|\d{1,4}/\d{1,4})(?![\w/:]|[.,]\d)|[ \t]+\d{1,3}\.000\b)"
)
_DOSE_BEFORE = regex.compile(r"(?i)(?:\d+(?:[.,]\d+)?[ \t]*(?:mg|µg|mcg|ml|ie)|\d{2,4}er)[ \t]+$")


#: Right before or after an unknown brand name: "nehme Concor", "Rezept für X",
#: "mir X verschrieben".
_BRAND_CUES_BEFORE = frozenset(
    [
        "nehme",
        "nimmt",
        "nehmen",
        "einnehmen",
        "genommen",
        "rezept",
        "tabletten",
        "spritze",
        "spritzen",
        "verschreibt",
        "verordnet",
        "bekomme",
        "bekommt",
        "brauche",
        "braucht",
        # third session: what doctors give and how it comes
        "tropfen",
        "augentropfen",
        "salbe",
        "creme",
        "infusion",
        "pflaster",
        "inhalator",
        "notfallspray",
    ]
)
_BRAND_CUES_AFTER = frozenset(
    [
        "verschrieben",
        "verordnet",
        "genommen",
        "nehmen",
        "einnehmen",
        "tabletten",
        "aufgeschrieben",
        "verschreiben",
        "probiert",
        "empfohlen",
        "gespritzt",
        "tropfen",
        "salbe",
        "creme",
    ]
)
# Typical endings of drug brand names (Concor, Decortin, Dulcolax, Ibuflam).
_BRAND_SHAPE = regex.compile(
    r"(?i)[a-zäöü]{4,}(?:in|ol|ax|on|ex|an|yl|al|ox|am|id|at|or|ix|ur|um|ac|ic|ra|en|il|it|yx|ar|ast|os|is)"
)


#: Endings of ordinary German nouns/adjectives, never of a drug brand ("Klarheit").
_GERMAN_WORD_ENDINGS = (
    "heit",
    "keit",
    "ung",
    "schaft",
    "tion",
    "tät",
    "mal",
    "lich",
    "isch",
    "ig",
    "bar",
    "sam",
    "los",
    "haft",
    "nis",
    "ment",
    "ismus",
    "chen",
    "lein",
    "ier",
    "ieren",
    "iert",
    "ern",
    "eln",
    "weis",
    "schein",
    "lauf",
)
#: An article between a cue and the word makes it a noun ("brauche einen Nachweis").
_ARTICLES = frozenset(
    ["ein", "eine", "einen", "einem", "einer", "den", "die", "das", "dem", "der", "neuen", "neue"]
)
#: After a "~" entry: "Cannabis auf Rezept", "Testosteron verschrieben".
_CUES_AFTER = frozenset(
    ["rezept", "verschrieben", "verordnet", "verschreiben", "verschreibt", "einnehmen", "tabletten"]
)
#: Between two drugs: "Simvastatin 20 mg und Dolormin".
_COORDINATED = regex.compile(r"(?i)\s*(?:,|\+|&|und|oder|sowie|plus)\s*")


class DeMedicationRecognizer(SpanRecognizer):
    """Drugs and doses (MEDICATION): ``Metformin 1000 mg``, ``Ibuprofen 600``, ``Insulin``.

    Sources: the lexicon ``data/medications.txt`` (active substances, German
    brands, colloquial "Ibu") at 0.8; unseen active substances by their WHO INN
    stem (``-sartan``, ``-mab``, ``-prazol`` ...) at 0.7. A dose next to the
    drug ("1000 mg", "600", "20 IE", "600er Ibu") joins the span, because the
    dose tells as much about the condition as the drug. Entries marked ``~``
    (supplements, "Pille") count only after a cue such as "nehme". An unknown
    capitalized word shaped like a brand (Concor, Dulcolax) right after
    "nehme"/"Rezept für", before "verschrieben", or joined by "und" to a
    found drug scores 0.6.
    """

    ENTITY = "MEDICATION"

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_language)
        self.lexicon = Lexicon(read_lines("medications.txt"))
        self.not_brands = (
            read_words("common_words_de.txt")
            | german_stop_words()
            | frozenset(w.lstrip("=~").casefold() for w in read_lines("health_conditions.txt"))
        )

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        tokens = tokenize(text)
        spans = []
        matched: set[int] = set()
        waiting = []  # "Lithium" alone is a topic; "Lithium und Quetiapin" a medication
        for m in self.lexicon.matches(tokens):
            if m.entry.needs_cue and not (
                has_cue(tokens, m.first, CUES)
                or _DOSE_AFTER.match(text, tokens[m.last].end)
                or any(t.key in _CUES_AFTER for t in tokens[m.last + 1 : m.last + 4])
            ):
                waiting.append(m)
                continue
            matched.update(range(m.first, m.last + 1))
            spans.append(self._with_dose(text, tokens[m.first], tokens[m.last], 0.8, "lexicon"))
        for i, tok in enumerate(tokens):
            if i in matched or tok.key in _INN_EXCLUDE or not tok.text[:1].isalpha():
                continue
            front = tok.key.split("-", 1)[0]
            if "-" in tok.key and self._is_drug(front):  # "Salbutamol-Spray", "Ocrevus-Infusion"
                spans.append((tok.start, tok.start + len(front), 0.75, "drug in a compound"))
                continue
            parts = tok.key.split("/")
            if len(parts) > 1 and any(self._is_drug(p) for p in parts):  # "Oxycodon/Naloxon"
                spans.append(self._with_dose(text, tok, tok, 0.75, "drug combination"))
                continue
            if _INN_RE.fullmatch(tok.key):
                spans.append(self._with_dose(text, tok, tok, 0.7, "INN stem"))
            elif self._brand_in_context(tokens, i) or (
                tok.is_capitalized
                and _BRAND_SHAPE.fullmatch(tok.text)
                and not tok.key.endswith(_GERMAN_WORD_ENDINGS)
                and tok.key not in self.not_brands
                and any(_COORDINATED.fullmatch(text[e : tok.start]) for _, e, _, _ in spans)
            ):
                spans.append(self._with_dose(text, tok, tok, 0.6, "brand-like word in context"))
        for m in waiting:
            start, end = tokens[m.first].start, tokens[m.last].end
            if any(
                _COORDINATED.fullmatch(text[e:start]) or _COORDINATED.fullmatch(text[end:s])
                for s, e, score, _ in spans
                if score >= 0.7 and (e <= start or end <= s)  # not next to a mere guess
            ):
                spans.append(self._with_dose(text, tokens[m.first], tokens[m.last], 0.7, "listed"))
        return spans

    def _is_drug(self, key: str) -> bool:
        """A lexicon drug (no cue needed) or an INN-stem word."""
        return bool(_INN_RE.fullmatch(key)) or self.lexicon.has_plain_word(key)

    def _brand_in_context(self, tokens: list[Token], i: int) -> bool:
        tok = tokens[i]
        if tok.key in self.not_brands or not _BRAND_SHAPE.fullmatch(tok.text):
            return False
        if tok.key.endswith(_GERMAN_WORD_ENDINGS):
            return False
        if i > 0 and tokens[i - 1].key in _ARTICLES:
            return False
        if not tok.is_capitalized and any(t.is_capitalized for t in tokens[1:]):
            return False  # lower-case brand names only in all-lower-case chats
        before = {t.key for t in tokens[max(0, i - 2) : i]}
        after = tokens[i + 1].key if i + 1 < len(tokens) else ""
        return bool(before & _BRAND_CUES_BEFORE) or after in _BRAND_CUES_AFTER

    @staticmethod
    def _with_dose(
        text: str, first: Token, last: Token, score: float, why: str
    ) -> tuple[int, int, float, str]:
        start, end = first.start, last.end
        after = _DOSE_AFTER.match(text, end)
        if after:
            end = after.end()
        before = _DOSE_BEFORE.search(text, max(0, start - 16), start)
        if before:
            start = before.start()
        return start, end, score, why
