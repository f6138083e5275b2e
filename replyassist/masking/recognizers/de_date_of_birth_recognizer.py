"""Birth dates: a date said to be a birth date, or next to a name."""

from __future__ import annotations

from collections.abc import Callable

import regex

from replyassist.masking.recognizers._base import SpanRecognizer

_MONTHS = (
    r"januar|jan|jänner|februar|feb|märz|mär|maerz|april|apr|mai|juni|jun|juli|jul|august|aug"
    r"|september|sept|sep|oktober|okt|november|nov|dezember|dez"
)
#: Month names as newcomers write them in a German message (only words that
#: are not German): English, Portuguese/Spanish, Italian, French, Polish,
#: Turkish, Russian/Ukrainian (genitive).
_FOREIGN_MONTHS = (
    r"january|february|march|may|june|july|october|december"
    r"|janeiro|fevereiro|março|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
    r"|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    r"|listopada|grudnia|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_ROMAN_MONTHS = r"i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii"
DATE_RE = regex.compile(
    r"(?i)(?<![\w.,/-])(?:"
    r"(?:0?[1-9]|[12]\d|3[01])\s?[./-]\s?(?:0?[1-9]|1[0-2])\s?[./-]\s?(?:19|20)?\d{2}"
    r"|(?:0?[1-9]|[12]\d|3[01])\.?\s*(?:de\s+)?(?:" + _MONTHS + "|" + _FOREIGN_MONTHS + r")\.?"
    r"\s+(?:de\s+)?(?:19|20)\d{2}"
    r"|(?:0?[1-9]|[12]\d|3[01])\.\s?(?:" + _ROMAN_MONTHS + r")\.\s?(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:19|20)\d{2}[./](?:0[1-9]|1[0-2])[./](?:0[1-9]|[12]\d|3[01])"
    r")(?![\w/-]|[.,]\d)"
)
# A cue just before the date ("geb. am", "Geburtsdatum:", "*") or right after
# ("... geboren"). Letter dates have their own cue ("Schreiben vom") and win.
_CUE_BEFORE = regex.compile(
    r"(?i)(?:\bgeb\.?|\bgeboren|\bgeb\w*ur\w*|\bgeb\w*ru\w*|\bgeb\w*dat\w*|\bgeb\w*tag|\bgeb\.?-?datum|\bgebdat|\bdob"
    r"|\bdate of birth|\bborn|\bbirthday|\bjahrgang|\*|\bgeb\.?\s?datum"
    # Polish, Hungarian, Portuguese/Spanish, French, Turkish, Russian
    r"|\bur\.|\burodzon\w*|\bszül\.|\bszületett|\bnascid[oa]|\bnacid[oa]|\bnée?"
    r"|\bdoğum\w*|\bродил\w*|\bдата рождения)"
    r"\W{0,4}(?:(?:am|den|ist|war|im|on|is|was|em|el|le|:)\W{1,3}){0,2}$"
)
#: Day and month without a year ("geboren am 04.05."): only right after a
#: strong birth cue (a newborn, a birthday).
_SHORT_DATE_RE = regex.compile(
    r"(?<![\w.,/-])(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.(?![\d/-]|\s?(?:19|20)?\d{2}\b)"
    r"|(?i:(?<![\w.,/-])(?:0?[1-9]|[12]\d|3[01])\.?\s*(?:"
    + _MONTHS
    + r")\b\.?)(?!\s*(?:19|20)?\d{2}\b)"
)
#: "am 14. Juli Geburtstag", "hab am 03.03. Geburtstag": a birthday without the year.
_BIRTHDAY_AFTER = regex.compile(
    r"(?i)^\s*(?:ist\s+|hat\s+|habe\s+|hab\s+)?(?:mein\s+|sein\s+|ihr\s+)?geburtstag\b"
)
_STRONG_CUE_BEFORE = regex.compile(
    r"(?i)(?:\bgeboren|\bgeb\.|\bgeburtstag|\bgeburtsdatum|\bzur welt gekommen)\W{0,4}(?:(?:am|den|ist|:)\W{1,3}){0,2}$"
)
_CUE_AFTER = regex.compile(r"(?i)^\W{0,3}(?:geboren|geb\.|zur welt gekommen)")
#: A birth told as an event later in the same clause: "am 02.02. ist unsere
#: Tochter Mia zur Welt gekommen", "am 3.5. wurde mein Sohn geboren" (no digits
#: in between, so "... mein Sohn ist 2019 geboren" does not make a letter date a birth).
_CLAUSE_CUE_AFTER = regex.compile(
    r"(?i)^[^.!?\n\d]{0,60}?\b(?:zur|auf die) welt gekommen"
    r"|^\s*(?:ist|wurde|sind|wurden|kam)\s+(?:[^\W\d]+\s+){0,3}(?:geboren|zur welt)\b"
    r"|^\s*zur\s+welt\b"
)
#: A full date in brackets right after a relative: "Meine Oma (12.08.1936) hat ...".
_RELATIVE_BEFORE = regex.compile(
    r"(?i)\b(?:oma|opa|mutter|vater|mama|papa|sohn|tochter|kind|baby|enkel(?:in|sohn|tochter)?"
    r"|ehemann|ehefrau|mann|frau|bruder|schwester|schwieger(?:mutter|vater|sohn|tochter)"
    r"|azubi|auszubildende[nr]?|mitarbeiter(?:in)?|patient(?:in)?|versicherte[nr]?)\s*\(\s*$"
)
_LETTER_CUE = regex.compile(
    r"(?i)(?:schreiben|bescheid|brief|rechnung|mahnung|antrag|termin|nachricht|mail|e-mail"
    r"|anruf|telefonat|ablehnung|schreibens|bescheids|widerspruch|kündigung|zahlung)"
    r"\W+(?:\w+\W+)?(?:vom|von|am|zum)\W*$|(?i:\b(?:seit|ab|bis|zum|vom)\s+(?:dem\s+)?$)"
)

NameFinder = Callable[[str], list[tuple[int, int, float, str]]]


class DeDateOfBirthRecognizer(SpanRecognizer):
    """Birth dates (DATE_OF_BIRTH): ``geb. 03.05.1978``, ``Jana Schulze, 3. Mai 1978``.

    A date alone is not personal: "Ihr Schreiben vom 12.03.2024" is a letter
    date. A date counts when
    - a birth cue precedes it within a few characters ("geb.", "geboren am",
      "Geburtsdatum:", "*", also misspelt "Geburrtsdatum") or "geboren"
      follows it (0.9);
    - it is in brackets right after a relative: "Meine Oma (12.08.1936)" (0.8);
    - it directly follows a name, as in a record "Jana Schulze, 03.05.1978" or
      "Max (12.04.2019)" (0.75); the name comes from the PERSON recognizer.
    A letter cue ("Schreiben vom", "seit", "bis zum") before the date vetoes both.
    """

    ENTITY = "DATE_OF_BIRTH"

    def __init__(
        self, supported_language: str = "de", name_finder: NameFinder | None = None
    ) -> None:
        super().__init__(supported_language)
        self.name_finder = name_finder

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        spans = []
        names: list[tuple[int, int, float, str]] | None = None
        for m in DATE_RE.finditer(text):
            start, end = m.span()
            before = text[max(0, start - 40) : start]
            if _LETTER_CUE.search(before):
                continue
            if _CUE_BEFORE.search(before) or _CUE_AFTER.match(text[end : end + 25]):
                spans.append((start, end, 0.9, "birth cue"))
                continue
            if _RELATIVE_BEFORE.search(before) and text[end : end + 3].lstrip().startswith(")"):
                spans.append((start, end, 0.8, "date in brackets after a relative"))
                continue
            if _CLAUSE_CUE_AFTER.match(text[end : end + 80]):
                spans.append((start, end, 0.85, "birth told later in the clause"))
                continue
            if self.name_finder is None:
                continue
            if names is None:
                names = self.name_finder(text)
            if any(
                0 <= start - n_end <= 3 and text[n_end:start].strip(" ,(") == ""
                for _, n_end, _, _ in names
            ):
                spans.append((start, end, 0.75, "date after a name"))
        for m in _SHORT_DATE_RE.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if _STRONG_CUE_BEFORE.search(before[-30:]):
                spans.append((m.start(), m.end(), 0.85, "day and month after birth cue"))
            elif _BIRTHDAY_AFTER.match(text[m.end() : m.end() + 30]):
                spans.append((m.start(), m.end(), 0.8, "day and month, birthday after"))
            elif not _LETTER_CUE.search(before) and _CLAUSE_CUE_AFTER.match(
                text[m.end() : m.end() + 80]
            ):
                spans.append((m.start(), m.end(), 0.85, "day and month, birth told after"))
        return spans
