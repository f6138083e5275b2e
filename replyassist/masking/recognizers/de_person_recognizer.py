"""Names of people: customers, relatives, doctors, staff."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import regex

from replyassist.masking.lexicon import Token, german_stop_words, read_lines, read_words, tokenize
from replyassist.masking.recognizers._base import SpanRecognizer

_TITLES = frozenset(
    [
        "herr",
        "herrn",
        "frau",
        "hr",
        "fr",
        "dr",
        "prof",
        "doktor",
        "dres",
        "schwester",
        "pfleger",
        "familie",
        "fam",
        "mr",
        "mrs",
    ]
)
_ACADEMIC = frozenset(["dr", "prof", "med", "dipl", "ing", "rer", "nat", "phil"])
#: Lower-case name particles: "Frau de Jonge", "Morris van Noordeloos", "Ali al Hassan".
_PARTICLES = frozenset(
    [
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "delle",
        "du",
        "dos",
        "das",
        "el",
        "al",
        "ten",
        "ter",
        "zu",
        "le",
        "la",
        "bin",
        "ibn",
        "abu",
        "mc",
    ]
)
#: Words before a name that make the next word(s) a name, even unknown and
#: lower case: "mein Sohn max", "Kontoinhaber: nurser hançer", "ich heiße ...".
_STRONG_CUES = frozenset(
    [
        "sohn",
        "sohnes",
        "tochter",
        "mann",
        "ehemann",
        "ehefrau",
        "mutter",
        "vater",
        "mama",
        "papa",
        "oma",
        "opa",
        "bruder",
        "enkel",
        "enkelin",
        "kind",
        "partner",
        "partnerin",
        "freund",
        "freundin",
        "kumpel",
        "hebamme",
        "lebensgefährte",
        "lebensgefährtin",
        "kontoinhaber",
        "kontoinhaberin",
        "inhaber",
        "inhaberin",
        "versicherte",
        "versicherter",
        "versicherten",
        "patient",
        "patientin",
        "name",
        "namens",
        "heiße",
        "heisse",
        "heiß",
        "daten",
        "vorname",
        "nachname",
        "geburtsname",
        "mädchenname",
        "familienname",
        "heißt",
        "heisst",
        "schwester",
        "schwiegermutter",
        "schwiegervater",
        "schwiegersohn",
        "schwiegertochter",
        "schwager",
        "schwägerin",
        "tante",
        "onkel",
        "neffe",
        "nichte",
        "cousin",
        "cousine",
        "stiefsohn",
        "stieftochter",
        "stiefvater",
        "stiefmutter",
        "pflegekind",
        "pflegesohn",
        "pflegetochter",
        "enkelsohn",
        "enkeltochter",
        "mitbewohner",
        "mitbewohnerin",
        "azubi",
        "auszubildende",
        "auszubildenden",
        "nachbar",
        "nachbarin",
        "baby",
        "bua",
        "bub",
        "sohnemann",
        "zwerg",
        "maus",
    ]
)
_POSSESSIVES = frozenset(
    [
        "meine",
        "meiner",
        "meinen",
        "seine",
        "seiner",
        "ihre",
        "ihrer",
        "die",
        "der",
        "eine",
        "einer",
        "mein",
        "dein",
        "deine",
    ]
)
#: Function words that may follow "Herr"/"Frau" capitalized at a line start.
_FUNCTION_WORDS = frozenset(
    [
        "und",
        "oder",
        "aber",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "ist",
        "hat",
        "war",
        "sind",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "im",
        "am",
        "in",
        "an",
        "auf",
        "mit",
        "bei",
        "für",
        "hallo",
        "danke",
        "bitte",
        "ich",
        "sie",
        "er",
        "es",
        "wir",
        "ihr",
    ]
)
#: Never a name right after a title ("Frau Doktor", "Herr Kollege").
_NOT_AFTER_TITLE = frozenset(
    [
        "doktor",
        "doc",
        "professor",
        "kollege",
        "kollegin",
        "sachbearbeiter",
        "sachbearbeiterin",
        "mitarbeiter",
        "mitarbeiterin",
        "berater",
        "beraterin",
        "chef",
        "chefin",
        "direktor",
        "direktorin",
        "präsident",
        "ober",
        "minister",
        "ministerin",
        "pfarrer",
        "bürgermeister",
        "bürgermeisterin",
        # "Dr Hausarzt" is dialect for "der Hausarzt"
        "hausarzt",
        "hausärztin",
        "arzt",
        "ärztin",
        "doktor",
    ]
)
#: Roles written before a bare surname ("Physio Kramer", "Betreuerin Nowak");
#: "Hebamme" and "Azubi" are strong cues already.
_ROLE_CUES = frozenset(
    [
        "physio",
        "physiotherapeut",
        "physiotherapeutin",
        "therapeut",
        "therapeutin",
        "psychotherapeut",
        "psychotherapeutin",
        "pflegerin",
        "betreuer",
        "betreuerin",
        "sachbearbeiter",
        "sachbearbeiterin",
        "kollege",
        "kollegin",
        "kinderarzt",
        "kinderärztin",
        "zahnarzt",
        "zahnärztin",
        "frauenarzt",
        "frauenärztin",
    ]
)
#: Weaker cues: only capitalized unknown words follow as a name ("Danke an Bernard Camus").
_WEAK_CUES = (
    frozenset(
        [
            "für",
            "an",
            "mit",
            "von",
            "bei",
            "danke",
            "hallo",
            "hi",
            "hey",
            "liebe",
            "lieber",
            "bin",
            "hier",
            "mitarbeiter",
            "mitarbeiterin",
            "berater",
            "beraterin",
            "hausarzt",
            "hausärztin",
            "arzt",
            "ärztin",
        ]
    )
    | _ROLE_CUES
)
#: Sign-offs after which the last words of a message are a name: "LG Kowalski".
_SIGN_OFFS = frozenset(
    [
        "lg",
        "vg",
        "mfg",
        "bg",
        "gruß",
        "gruss",
        "grüße",
        "grüsse",
        "grüßen",
        "grüssen",
        "cheers",
        "ciao",
        "tschüss",
        "danke",
        "thx",
        "thanks",
        "best",
        "regards",
        "cheerio",
        "teşekkürler",
        "obrigada",
        "obrigado",
        "groet",
        "grüß",
        "gracias",
        "merci",
        "grazie",
        "dziękuję",
        "spasibo",
        "you",
    ]
)
#: Skipped between a cue and the name: "mein Sohn, der Max", "ich bin die jana".
_FILLERS = frozenset(
    [
        "die",
        "der",
        "den",
        "dem",
        "des",
        "meine",
        "meinen",
        "meiner",
        "meinem",
        "mein",
        "ist",
        "lautet",
        "unser",
        "unsere",
    ]
)
_STREET_HEADS = ("straße", "strasse", "str", "weg", "allee", "platz", "ring", "gasse", "damm")


class DePersonRecognizer(SpanRecognizer):
    """Names of every origin, with titles, also lower case in chats (PERSON).

    Rules, strongest first:
    - an initial + surname ("K. Brenner", also after a title) when the surname
      is in the lexicon or the pair fills a line (0.8-0.85); the name line under
      a sign-off line ("Mit freundlichen Grüßen", "MfG", "Thanks,") (0.8); the
      surname after a business word ("Tischlerei Berg GmbH", "Praxis Lindner")
      when it is a lexicon surname or a legal form follows (0.75);
    - a title ("Herr", "Frau", "Dr.", "Prof.", "Familie") + one or two
      capitalized words, name particles allowed: ``Herr Yılmaz``,
      ``Dr. med. Nowak``, ``Frau de Jonge`` (0.85); the title stays visible;
    - a first name from the lexicon + last name(s): a lexicon last name in any
      case or, for a capitalized first name, any capitalized non-word:
      ``Jana Schulze``, ``jana kowalczyk`` (0.85);
    - after a strong cue ("mein Sohn", "Kontoinhaber", "Name:", "ich heiße")
      the next one to three words, even unknown and lower case (0.75);
    - after a weak cue ("Danke an", "für", "Hallo") two unknown capitalized
      words (0.7); after a sign-off ("LG", "Viele Grüße") the words that end
      the message (0.75);
    - two unknown capitalized words that open a line and are followed by a
      comma or "hier" (a record: "Vasco Alsina, 20.3.1971") (0.7);
    - a capitalized word + a lexicon last name (0.75); a lone capitalized
      lexicon first name (0.6).

    The lexicons (``data/first_names.txt``, ``data/last_names.txt``) come from
    Faker's de_DE, de_AT, tr_TR, pl_PL, it_IT, en_US, ru_RU/uk_UA (transliterated),
    en_IN, vi_VN, yo_NG, tw_GH, ro_RO and sw locales plus common Arabic names
    (``build_lexicons.LEXICON_LOCALES``), with ordinary German words removed
    (``data/common_words_de.txt``, spaCy's stop words, a basic German word list)
    so that "Nur", "Will" or "August" never become names. Those word lists also
    keep a name from swallowing the next word ("Jana Krankengeld").
    """

    ENTITY = "PERSON"

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_language)
        self.first_names = frozenset(w.casefold() for w in read_lines("first_names.txt"))
        self.last_names = frozenset(w.casefold() for w in read_lines("last_names.txt"))
        health = [
            line.lstrip("=~")
            for name in ("health_conditions.txt", "medications.txt")
            for line in read_lines(name)
        ]
        self.words = read_words("common_words_de.txt") | german_stop_words()
        self.blocked = self.words | frozenset(h.casefold() for h in health if " " not in h)

    def could_be_name(self, text: str) -> bool:
        """Whether ``text``, a span proposed by another model, can be a person's name.

        A statistical NER also proposes greetings in other scripts ("Дякую"),
        nouns ("Schlaflabor", "Play Store Bewertung") and numbers; each word of
        a name must pass the checks a name part found by the rules passes.
        """
        tokens = tokenize(text)
        if not tokens or len(tokens) > 4 or not _latin_letters(text):
            return False
        for tok in tokens:
            if tok.key in _PARTICLES:
                continue
            known = self._in(tok, self.first_names) or self._in(tok, self.last_names)
            if tok.is_capitalized:
                # an unknown long word with a noun ending: "Schlaflabor", "Bewertung"
                noun = len(tok.key) >= 8 and tok.key.endswith(_LONG_NOUN_ENDINGS)
                ok = known or (self._namelike(tok) and not noun)
            else:
                ok = self._lowername(tok, verbs_ok=known)
            if not ok:
                return False
        return True

    # -- token predicates ---------------------------------------------------

    def _namelike(self, tok: Token) -> bool:
        """A capitalized word that may be an (unknown) name part."""
        if not tok.is_capitalized or not tok.text[:1].isalpha() or tok.key in self.blocked:
            return False
        if tok.key in _STRONG_CUES or _is_name_cue(tok.key):
            return False
        if len(tok.text) < 2 or any(ch.isdigit() for ch in tok.text):
            return False
        if _is_business_head(tok.key) or tok.key.endswith(_ROLE_ENDINGS):
            return False
        return not tok.key.endswith(_STREET_HEADS) or tok.key in self.last_names

    def _lowername(self, tok: Token, verbs_ok: bool = False) -> bool:
        """A lower-case word that may be a name part in a chat (not a verb: "prüfen")."""
        if (
            not verbs_ok
            and tok.key.endswith(("en", "ern", "eln"))
            and not (tok.key in self.first_names or tok.key in self.last_names)
        ):
            return False
        return (
            tok.text[:1].isalpha()
            and len(tok.text) >= 3
            and tok.key not in self.blocked
            and not any(ch.isdigit() for ch in tok.text)
            and not tok.key.endswith(_STREET_HEADS)
        )

    def _after_title(self, tok: Token, title: Token) -> bool:
        """The first word after a title: capitalized and not a function word
        ("Frau Lang", "Herr Koch" are names although "lang"/"Koch" are words);
        lower case only when the title itself is lower case ("frau dr. treccani")."""
        if tok.key in _NOT_AFTER_TITLE or not tok.text[:1].isalpha() or tok.key in _TITLES:
            return False
        if any(ch.isdigit() for ch in tok.text) or len(tok.text) < 2:
            return False
        if tok.is_capitalized:
            return tok.key not in _FUNCTION_WORDS
        return not title.is_capitalized and self._lowername(tok, verbs_ok=True)

    def _any_known(self, toks: list[Token]) -> bool:
        return any(self._in(t, self.first_names) or self._in(t, self.last_names) for t in toks)

    def _in(self, tok: Token, names: frozenset[str]) -> bool:
        """In a name lexicon; a surname that is also a diagnosis ("Krebs") counts
        only when capitalized."""
        key = tok.key
        if key in self.words or not tok.text[:1].isalpha():
            return False
        if key in self.blocked and not tok.is_capitalized:
            return False
        return key in names or ("-" in key and all(p in names for p in key.split("-")))

    # -- matching -----------------------------------------------------------

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        tokens = tokenize(text)
        spans: list[tuple[int, int, float, str]] = []
        n = len(tokens)
        words = [t for t in tokens if t.text[:1].isalpha()]
        # lower-case chat: hardly any capitalized word after the first few
        chat = sum(t.is_capitalized for t in words[1:]) <= 0.1 * max(1, len(words) - 1)
        last_word = _last_word_before_contact(text, tokens)
        i = 0
        while i < n:
            found = self._match_at(text, tokens, i, chat, last_word)
            if found:
                first, last, score, why = found
                spans.append((tokens[first].start, tokens[last].end, score, why))
                i = last + 1
                partner = self._partner_at(text, tokens, i) if why == "business name" else None
                if partner is not None:  # "Physiotherapie Lindner & Berg": both owners
                    spans.append((tokens[partner].start, tokens[partner].end, score, why))
                    i = partner + 1
            else:
                i += 1
        return spans

    def _final_signature(self, text: str, tokens: list[Token], i: int, last: int) -> bool:
        """Tokens ``i``..``last`` are the message's last words (before a trailing
        phone number, id or e-mail), alone after a sentence end, and one of them
        is a lexicon name ("... Bindestrich? Jean-Luc Moreau") or they are two or
        three capitalized words that pass the name checks ("... Stimmt das?
        Filmon Gebremedhin 0176 ...")."""
        if i == 0 or i > last:
            return False
        if not regex.search(r"[.?!\n–—-]\W*$", text[tokens[i - 1].end : tokens[i].start]):
            return False
        rest = tokens[i : last + 1]
        if last + 1 < len(tokens) and "\n" in text[tokens[i - 1].end : tokens[last + 1].start]:
            return False  # a signature block's line (a company, a department) before a phone line
        if any(
            t.key in self.blocked
            or t.key in _SIGN_OFFS
            or t.key in _WEAK_CUES
            or t.key in _STRONG_CUES
            or not t.text[:1].isalpha()
            for t in rest
        ):
            return False
        if any(self._in(t, self.first_names) or self._in(t, self.last_names) for t in rest):
            return True
        return (
            2 <= len(rest) <= 3
            and all(t.is_capitalized and not t.text.isupper() for t in rest)
            and all(text[a.end : b.start].isspace() for a, b in pairwise(rest))
            and self.could_be_name(text[rest[0].start : rest[-1].end])
        )

    def _handle_is_name(self, handle: str) -> bool:
        """ "tobias.renner", "lea_bachmann": a first name or surname in a name-shaped handle."""
        parts = [p.casefold() for p in regex.split(r"[._]", handle)]
        if any(p in _HANDLE_WORDS for p in parts):
            return False
        return parts[0] in self.first_names or parts[-1] in self.last_names

    def _partner_at(self, text: str, tokens: list[Token], i: int) -> int | None:
        """Index of a second owner's surname joined to a business name by "&"/"und"."""
        if i >= len(tokens):
            return None
        if regex.fullmatch(r" ?[&+] ?", text[tokens[i - 1].end : tokens[i].start]):
            k = i
        elif tokens[i].key == "und" and i + 1 < len(tokens):
            k = i + 1
        else:
            return None
        partner = tokens[k]
        if partner.key in _PARTNER_WORDS or not self._namelike(partner):
            return None
        return None if regex.match(r" +\p{Ll}", text[partner.end :]) else k

    def _match_at(
        self, text: str, tokens: list[Token], i: int, chat: bool, last_word: int
    ) -> tuple[int, int, float, str] | None:
        """The name starting at token ``i``, if any. ``chat``: the message is
        written in lower case, so unknown lower-case words may be names.
        ``last_word``: index of the message's last word before a trailing
        contact block (see :func:`_last_word_before_contact`)."""
        tok = tokens[i]
        n = len(tokens)
        if tok.start > 0 and text[tok.start - 1 : tok.start] == "@":
            handle = _NAME_HANDLE.match(text, tok.start)
            if handle and self._handle_is_name(handle.group()):  # "@tobias.renner"
                k = i
                while k + 1 < n and tokens[k + 1].end <= handle.end():
                    k += 1
                return i, k, 0.75, "name handle"
            if not self._in(tok, self.first_names):
                return None  # a handle ("@Gesundkasse"), not a name; "@Lisa Müller" is one
        cue = self._cue_before(text, tokens, i)
        # "ich bin luca", "my name is ...", "nils hier", "ahmad mein name"
        introduced = _introduced(tokens, i) or (
            self._in(tok, self.first_names) and _self_named(tokens, i)
        )

        # initial + surname: "K. Brenner", "Frau K. Brenner", "MfG\nM. Özdemir"
        if self._initial(text, tokens, i) and self._namelike(tokens[i + 1]):
            k = self._extend(text, tokens, i + 2, i + 1, capitalized=True, max_len=1)
            last_ok = self._in(tokens[k - 1], self.last_names)
            titled = i > 0 and tokens[i - 1].key in _TITLES and _adjacent(text, tokens[i - 1], tok)
            if (
                last_ok
                or titled
                or (self._line_start(text, tok) and self._line_end(text, tokens[k - 1]))
            ):
                return i, k - 1, 0.8, "initial + surname"

        # the name line right under a sign-off line ("Mit freundlichen Grüßen\nSabine Krüger")
        if (
            self._line_start(text, tok)
            and self._namelike(tok)
            and tok.key not in _TITLES
            and self._after_sign_off_line(text, tok)
        ):
            k = self._extend(text, tokens, i + 1, i, capitalized=True, max_len=2, particles=False)
            if self._line_end(text, tokens[k - 1]) and (
                k > i + 1
                or self._in(tok, self.first_names)
                or self._in(tok, self.last_names)
                or self._ends_message(text, tokens, i)
            ):
                return i, k - 1, 0.8, "name line after sign-off"

        # business named after its owner: "Tischlerei Berg GmbH", "Praxis Lindner"
        if _is_business_head(tok.key) and tok.is_capitalized and i + 1 < n:
            j = i + 1
            if tokens[j].key == "für" and j + 1 < n and _is_business_head(tokens[j + 1].key):
                j += 2  # "Praxis für Physiotherapie Lindner"
            if (
                j < n
                and _adjacent(text, tokens[j - 1], tokens[j])
                and self._namelike(tokens[j])
                and (
                    self._in(tokens[j], self.last_names)
                    or _BUSINESS_TAIL.match(text, tokens[j].end)
                )
            ):
                return j, j, 0.75, "business name"

        # title + name
        if tok.key in _TITLES and self._title_form(tokens, i):
            j = i + 1
            while j < n and tokens[j].key in _ACADEMIC and j - i <= 3:
                j += 1
            if (  # "Frau de Jonge", "Herr van der Berg"
                j + 1 < n
                and tokens[j].key in _PARTICLES
                and tokens[j + 1].is_capitalized
                and _adjacent(text, tokens[j], tokens[j + 1])
            ):
                k = self._extend(text, tokens, j + 1, j, capitalized=True, max_len=3)
                if k > j + 1:
                    return j, k - 1, 0.85, "title + name"
            k = j
            if j < n and self._initial(text, tokens, j) and self._namelike(tokens[j + 1]):
                return j, j + 1, 0.85, "title + initial + surname"
            if (
                j < n
                and _adjacent(text, tokens[j - 1], tokens[j])
                and self._after_title(tokens[j], tok)
            ):
                k = self._extend(text, tokens, j + 1, j, capitalized=True, max_len=2)
            if k > j:
                return j, k - 1, 0.85, "title + name"

        # lexicon first name (+ last names)
        if self._in(tok, self.first_names) and (tok.is_capitalized or len(tok.text) > 2):
            k = self._extend(
                text,
                tokens,
                i + 1,
                i,
                capitalized=tok.is_capitalized,
                max_len=3,
                lexicon_only=not tok.is_capitalized,
            )
            if k > i + 1:
                return i, k - 1, 0.85, "first name + last name"
            if not tok.is_capitalized and (cue in _STRONG_CUES or cue in _SIGN_OFFS or introduced):
                k = self._extend_lower(text, tokens, i + 1, i, max_len=2) if chat else i + 1
                return i, k - 1, 0.75, "first name after cue"
            if tok.is_capitalized and not (
                i > 0 and tokens[i - 1].key in _NOUN_DETERMINERS and cue not in _STRONG_CUES
            ):  # "Ist das euer Ernst?", "im Ernst"
                return i, i, 0.7 if cue else 0.6, "first name"

        # "Grüße Tobi PS: ...", "Thanks, Arjun Raghunathan +49 ...", "Ich bin Gökhan."
        if (cue in _SIGN_OFFS or introduced) and (
            self._namelike(tok) and not tok.key.endswith(_NOUN_ENDINGS)
        ):
            k = self._extend(text, tokens, i + 1, i, capitalized=True, max_len=3, particles=True)
            while k > i + 1 and tokens[k - 1].text in {"PS", "P.S"}:
                k -= 1
            if _SIGNATURE_END.match(text, tokens[k - 1].end) and (
                cue in _SIGN_OFFS or k > i + 1 or text[tokens[i].end :].lstrip()[:1] in {".", ","}
            ):
                return i, k - 1, 0.75, "name after sign-off or introduction"

        # the last words of a message after a sentence end: "... erstattet? tobias"
        if last_word - i <= 2 and self._final_signature(text, tokens, i, last_word):
            return i, last_word, 0.7, "signature at the end"

        # strong cue or sign-off + next words, lower case allowed
        if cue in _STRONG_CUES or (cue in _SIGN_OFFS and self._ends_message(text, tokens, i)):
            if self._namelike(tok):
                k = self._extend(
                    text, tokens, i + 1, i, capitalized=True, max_len=3, particles=False
                )
                return i, k - 1, 0.75, "after cue"
            signature = cue in _SIGN_OFFS
            if (
                chat
                and (cue in _NAME_CUES or signature)
                and not tok.is_capitalized
                and self._lowername(tok, signature)
            ):
                k = self._extend_lower(text, tokens, i + 1, i, max_len=2, verbs_ok=signature)
                if cue in _SIGN_OFFS or self._boundary_after(text, tokens, k - 1):
                    return i, k - 1, 0.7, "lower case after cue"

        # a role + a lexicon surname: "Physio Kramer sagt", "Therapeutin Yilmaz"
        if cue in _ROLE_CUES and self._namelike(tok) and self._in(tok, self.last_names):
            return i, i, 0.7, "surname after a role"

        # weak cue + two capitalized words, one of them a known name
        # ("Danke an Bernard Camus"; not "mit Face ID", "für Soziale Sicherung")
        if cue in _WEAK_CUES and self._namelike(tok) and i + 1 < n:
            k = self._extend(text, tokens, i + 1, i, capitalized=True, max_len=3, particles=False)
            if k > i + 1 and (
                self._any_known(tokens[i:k]) or self._record_end(text, tokens[k - 1])
            ):
                return i, k - 1, 0.7, "after weak cue"

        # a record line: "Vasco Alsina, 20.3.1971"
        if self._namelike(tok) and i + 1 < n and self._line_start(text, tok):
            k = self._extend(text, tokens, i + 1, i, capitalized=True, max_len=3, particles=False)
            if k > i + 1 and self._record_end(text, tokens[k - 1]):
                return i, k - 1, 0.7, "record line"

        # unknown capitalized word + lexicon last name
        if (
            i + 1 < n
            and self._namelike(tok)
            and tokens[i + 1].is_capitalized
            and self._in(tokens[i + 1], self.last_names)
            and _adjacent(text, tok, tokens[i + 1])
        ):
            return i, i + 1, 0.75, "capitalized word + last name"
        return None

    def _extend(
        self,
        text: str,
        tokens: list[Token],
        j: int,
        prev: int,
        capitalized: bool,
        max_len: int,
        lexicon_only: bool = False,
        particles: bool = True,
    ) -> int:
        """Index after the last name part following ``prev`` (starting at ``j``)."""
        k = j
        last = prev
        while k < len(tokens) and k - j < max_len and _adjacent(text, tokens[last], tokens[k]):
            t = tokens[k]
            if (
                particles
                and t.key in _PARTICLES
                and k + 1 < len(tokens)
                and (self._namelike(tokens[k + 1]) and _adjacent(text, t, tokens[k + 1]))
            ):
                k += 2
                last = k - 1
                continue
            ok = self._in(t, self.last_names) or (
                self._in(t, self.first_names) and (t.is_capitalized or not capitalized)
            )
            if not lexicon_only and capitalized and self._namelike(t):
                ok = True
            if not ok:
                break
            last = k
            k += 1
        return k

    def _extend_lower(
        self,
        text: str,
        tokens: list[Token],
        j: int,
        prev: int,
        max_len: int,
        verbs_ok: bool = False,
    ) -> int:
        k, last = j, prev
        while (
            k < len(tokens)
            and k - j < max_len
            and _adjacent(text, tokens[last], tokens[k])
            and (self._lowername(tokens[k], verbs_ok) or tokens[k].key in _PARTICLES)
        ):
            last = k
            k += 1
        return k

    def _cue_before(self, text: str, tokens: list[Token], i: int) -> str:
        """The cue word before token ``i`` (skipping "die", "mein", ...), or ''."""
        j = i - 1
        steps = 0
        while j >= 0 and tokens[j].key in _FILLERS and steps < 2:
            j -= 1
            steps += 1
        if j < 0:
            return ""
        key = _normalize_cue(tokens[j].key)
        if _is_name_cue(key):  # "Gebursname" typo
            key = "geburtsname"
        if key == "bin" and steps:  # "ich bin die jana" is a strong cue, "ich bin krank" not
            return "heiße"
        gap = text[tokens[j].end : tokens[i].start]
        if gap.count("\n") > 1 or len(gap) > 30:
            return ""
        if any(ch in gap for ch in "!?") or ("." in gap and len(tokens[j].text) > 3):
            return ""  # a sentence ended between cue and word
        return key

    @staticmethod
    def _title_form(tokens: list[Token], i: int) -> bool:
        """'Frau' is a title before a name, but also a noun ('meine Frau hat')."""
        return not (
            tokens[i].key in ("frau", "herr", "herrn")
            and i > 0
            and tokens[i - 1].key in _POSSESSIVES
        )

    @staticmethod
    def _ends_message(text: str, tokens: list[Token], i: int) -> bool:
        """At most three words follow (a signature), ignoring emoji and punctuation."""
        return len(tokens) - i <= 3

    @staticmethod
    def _boundary_after(text: str, tokens: list[Token], k: int) -> bool:
        """Punctuation, the end, or a function word ("... die betty und hab") follows."""
        tok = tokens[k]
        rest = text[tok.end : tok.end + 2]
        if not rest or rest[0] in ",.!?;:)\n" or rest.startswith(" (") or not rest.strip():
            return True
        return k + 1 < len(tokens) and (
            tokens[k + 1].key in german_stop_words() or tokens[k + 1].key in _SIGN_OFFS
        )

    @staticmethod
    def _initial(text: str, tokens: list[Token], i: int) -> bool:
        """Token ``i`` is an initial ("K.") directly followed by a capitalized word."""
        tok = tokens[i]
        return (
            len(tok.text) == 1
            and tok.text.isupper()
            and i + 1 < len(tokens)
            and regex.fullmatch(r"\. ?", text[tok.end : tokens[i + 1].start]) is not None
        )

    @staticmethod
    def _line_end(text: str, tok: Token) -> bool:
        """Only a comma, spaces or emoji follow up to the end of the line."""
        rest = text[tok.end :].split("\n", 1)[0]
        return rest.strip() == "" or rest.lstrip().startswith(",") or not regex.search(r"\w", rest)

    @staticmethod
    def _after_sign_off_line(text: str, tok: Token) -> bool:
        """The line before ``tok``'s line (blank lines skipped) is a sign-off."""
        before = text[: tok.start].rstrip(" \t")
        if not before.endswith("\n"):
            return False
        lines = [ln for ln in before.split("\n") if ln.strip()]
        return bool(lines) and _SIGN_OFF_LINE.fullmatch(lines[-1].strip()) is not None

    @staticmethod
    def _line_start(text: str, tok: Token) -> bool:
        before = text[: tok.start].rstrip(" \t")
        return not before or before[-1] in "\n("

    @staticmethod
    def _record_end(text: str, tok: Token) -> bool:
        """What follows looks like a personal record: a date, an id, an
        address, an e-mail, "hier", "geb." ("Vasco Alsina, 20.3.1971")."""
        return _RECORD_TAIL.match(text, tok.end) is not None


_RECORD_TAIL = regex.compile(
    r"\s*[,(;]\s*(?:\d|[A-Za-z]\d{6}|[\w.+-]+@|geb|\*|tel"
    r"|[A-ZÄÖÜ][\p{L}-]*(?:straße|str\.|weg|allee|platz|gasse|ring)\b)"
    r"|\s+(?:hier\b|geb\b|geb\.|\*|[\w.+-]+@)",
    regex.IGNORECASE,
)
#: Cues after which an unknown lower-case word is a name even in a chat; after
#: family words ("mein vater ist dement") only lexicon first names count.
_NAME_CUES = frozenset(
    [
        "name",
        "namens",
        "heißt",
        "heisst",
        "heiße",
        "heisse",
        "heiß",
        "kontoinhaber",
        "kontoinhaberin",
        "inhaber",
        "inhaberin",
        "vorname",
        "nachname",
        "geburtsname",
        "mädchenname",
        "familienname",
    ]
)


#: What may follow a name written after a sign-off or "ich bin" on the same line.
_SIGNATURE_END = regex.compile(
    r"[ \t]*(?:$|\n|[.,!]?[ \t]*(?:PS\b|P\.S\.|\+?\d|\||–|-|\(|und\s+\p{Lu}|$|\n)"
    r"|[ \t]+(?:aus|von)\s+\p{L}|[.,!](?=\s|$)|[ \t]*[\p{So}\p{Sk}])"
)
#: Endings of nouns that follow "ich bin" ("Rentnerin", "Mitglied", "Student").
_NOUN_ENDINGS = (
    "in", "er", "ung", "ling", "ent", "ist", "ant", "or", "ig", "lich", "isch", "ed", "el",
    "heit", "keit", "schaft", "ion", "tät", "te", "de",
)  # fmt: skip

#: Endings of long German nouns that names rarely have ("Schlaflabor",
#: "Bewertung", "Psychotherapeutin"; not a bare "-in": "Gebremedhin").
_LONG_NOUN_ENDINGS = (
    "erin", "ntin", "istin", "orin", "ärztin", "ung", "heit", "keit", "schaft", "ion",
    "tät", "ling", "labor", "age", "ismus", "ment", "tur", "nis", "chen",
)  # fmt: skip

#: Lines that close a letter; the next line is the sender's name.
_SIGN_OFF_LINE = regex.compile(
    r"(?:(?:mit\s+)?(?:(?:sehr\s+|ganz\s+)?(?:freundliche[mn]?|herzliche[mn]?|liebe[mn]?|viele[mn]?"
    r"|beste[mn]?|schöne[mn]?|sonnige[mn]?|freundlichst|kollegiale[mn]?)\s+)?"
    r"(?:gr[üu](?:ß|ss)(?:e|en)?|gruß|gruss)(?:\s+(?:aus|von)\s+\S+(?:\s+\S+){0,2})?"
    r"|(?:danke|vielen\s+dank)(?:\s+(?:und|&)\s+(?:viele\s+)?gr[üu](?:ß|ss)e?)?(?:\s+im\s+voraus)?"
    r"|mfg|lg|vg|bg|sg|thx|thanks|thank\s+you|many\s+thanks|cheers|best|best\s+wishes"
    r"|(?:best|kind|warm)\s+regards|regards|sincerely|yours(?:\s+sincerely)?|tschüss|ciao)"
    r"\s*[,.!]*\s*\W*",
    regex.IGNORECASE,
)
#: Words for a practice or business that is named after its owner ("Tischlerei Berg").
_BUSINESS_WORDS = frozenset(
    [
        "praxis",
        "kanzlei",
        "tischlerei",
        "schreinerei",
        "bäckerei",
        "metzgerei",
        "gärtnerei",
        "druckerei",
        "malerei",
        "apotheke",
        "sanitätshaus",
        "pflegedienst",
        "physiotherapie",
        "ergotherapie",
        "logopädie",
        "podologie",
        "autohaus",
        "zahntechnik",
        "hörakustik",
        "optik",
        "augenoptik",
    ]
)


#: Phone numbers, ids and e-mail addresses that end a message after a signature:
#: "Dimitra Papadopoulou 07071 559203", "Ivelina Todorova, KV-Nr. T905127361".
_CONTACT_TAIL = regex.compile(
    r"(?:[\s,;:|/–-]*(?:(?:tel|telefon|mobil|handy|kv-?nr|versichertennr|nr|e-?mail|mail)\.?:?\s*)?"
    r"(?:\+?\d[\d \t/().-]{4,}\d|[A-Za-z]\d{9}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+))+\W*$",
    regex.IGNORECASE,
)


def _last_word_before_contact(text: str, tokens: list[Token]) -> int:
    """Index of the last token before a trailing contact block, or of the last
    token; -1 when a word follows (the message does not end with a name)."""
    stripped = text.rstrip()
    ends_in_contact = stripped[-1:].isdigit() or "@" in stripped[-80:]
    tail = _CONTACT_TAIL.search(text, max(0, len(text) - 160)) if ends_in_contact else None
    end = tail.start() if tail else len(text)
    last = -1
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].end <= end:
            last = k
            break
    if last < 0 or regex.search(r"[\p{L}\p{N}]", text[tokens[last].end : end]):
        return -1
    return last


def _introduced(tokens: list[Token], i: int) -> bool:
    """Token ``i`` follows a self-introduction: "ich bin", "I am", "my name is", "je m'appelle"."""
    if i < 1:
        return False
    prev = tokens[i - 1].key
    before = tokens[i - 2].key if i > 1 else ""
    return (
        (prev == "bin" and before == "ich")
        or (prev == "am" and before == "i")
        or (prev == "is" and before == "name")
        or prev in {"i'm", "appelle", "soy", "là", "llamo", "chiamo", "nazywam", "zovem"}
    )


#: Greetings that may open a chat before "bin lea" or "nils hier".
_GREETINGS = frozenset(["hi", "hey", "hallo", "moin", "servus", "huhu", "hei", "hej", "yo"])


def _self_named(tokens: list[Token], i: int) -> bool:
    """Token ``i`` opens a chat as the writer's name: "nils hier", "hey, dominik hier",
    "ahmad mein name.", "bin lea, 19" (the caller checks that it is a known first name)."""
    n = len(tokens)
    opening = [t.key for t in tokens[:i]] if i <= 2 else []
    if opening == ["bin"] or (
        len(opening) == 2 and opening[0] in _GREETINGS and opening[1] == "bin"
    ):
        return True
    if i + 1 >= n or not (i == 0 or (i == 1 and tokens[0].key in _GREETINGS)):
        return False
    if tokens[i + 1].key == "hier":
        return True
    return (
        i + 2 < n
        and [t.key for t in tokens[i + 1 : i + 3]] == ["mein", "name"]
        and (i + 3 == n or tokens[i + 3].key not in {"ist", "lautet"})
    )


#: A handle made of two or three name parts: "@tobias.renner", "@lea_bachmann".
_NAME_HANDLE = regex.compile(r"\p{L}{2,}(?:[._]\p{L}{2,}){1,2}(?![\p{L}\d._])")
_HANDLE_WORDS = frozenset(["kasse", "hilft", "team", "service", "official", "news", "app", "info"])

#: What follows "&"/"und" after a business name without being a second owner.
_PARTNER_WORDS = frozenset(
    ["partner", "partnerin", "partnerinnen", "kollegen", "kolleginnen", "söhne", "sohn", "co"]
)
_BUSINESS_TAIL = regex.compile(
    r"\s*(?:&|\+|GmbH|KG\b|OHG\b|e\.\s?K\.|UG\b|AG\b|und\s+(?:Partner|Kollegen))"
)
#: A person's role, never the first part of a name ("Rechtsanwältin Dr. Meier").
_ROLE_ENDINGS = (
    "anwalt",
    "anwältin",
    "betreuer",
    "betreuerin",
    "berater",
    "beraterin",
    "leitung",
    "leiter",
    "leiterin",
    "rektor",
    "rektorin",
    # a group signs like a person: "Mit kollegialen Grüßen\nPraxisteam"
    "team",
    "service",
    "abteilung",
    "verwaltung",
    "sekretariat",
    "büro",
    "redaktion",
    "vorstand",
    "führung",
)
#: Determiners before a noun, not before a lone first name ("euer Ernst", "im Ernst").
_NOUN_DETERMINERS = frozenset(
    ["euer", "eure", "dein", "ihr", "unser", "sein", "im", "das", "ein", "kein", "vom", "zum"]
)


def _is_business_head(key: str) -> bool:
    """ "Praxis", "Gemeinschaftspraxis", "Physiopraxis", "Tischlerei", "Kanzlei"."""
    return key in _BUSINESS_WORDS or key.endswith(("praxis", "therapie", "kanzlei"))


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Only spaces between two name parts; a period only after an initial or a
    title ("J. Schulze", "Dr. Nowak"), never a sentence end ("Arbeit. Per")."""
    gap = text[a.end : b.start]
    if len(gap) > 3 or gap.strip(" .\u00a0") != "" or "\n" in gap:
        return False
    return "." not in gap or len(a.text) == 1 or a.key in _ACADEMIC or a.key in _TITLES


def _latin_letters(text: str) -> bool:
    """All letters of ``text`` are Latin (with diacritics: "Yılmaz", "Wiśniewska")."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def _is_name_cue(key: str) -> bool:
    """'Geburtsname' and its typos ('Gebursname', 'Geburtsanme', 'Geburtsame')."""
    return key.startswith("geb") and ("nam" in key or "anm" in key or key.endswith("ame"))


_SIGN_OFF_TYPO = regex.compile(r"gr[üu]+e?(?:ß|ss)+e*n?")


def _normalize_cue(key: str) -> str:
    """Map typos of sign-offs ("Grüßeen", "grüüßen") to "grüße"."""
    return "grüße" if _SIGN_OFF_TYPO.fullmatch(key) else key
