"""Word lists as data files and a fast token-sequence matcher over them.

Lexicons are plain UTF-8 text (one entry per line, ``#`` comments), read with
``importlib.resources`` — no pickle, nothing executable. Matching is one dict
lookup per token (keyed by the entry's first token), not a loop of regexes,
so it stays linear in the message length whatever the lexicon size.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

#: A word, possibly joined by hyphens or a slash ("Magen-Darm-Grippe",
#: "L-Thyroxin", "ME/CFS", "Covid-19"), including apostrophes in names.
TOKEN_RE = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’]|[-/](?=[\p{L}\p{N}]))*")


@dataclass(frozen=True, slots=True)
class Token:
    """A token with its offsets; ``key`` is the case-folded text."""

    text: str
    start: int
    end: int
    key: str

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with offsets (punctuation and spaces dropped)."""
    return [
        Token(m.group(), m.start(), m.end(), m.group().casefold()) for m in TOKEN_RE.finditer(text)
    ]


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``replyassist/masking/data/<name>``."""
    raw = resources.files("replyassist.masking").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in raw.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def read_words(name: str) -> frozenset[str]:
    """All whitespace-separated words of a data file, case-folded."""
    return frozenset(w.casefold() for line in read_lines(name) for w in line.split())


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon line: its token keys and how it may match."""

    keys: tuple[str, ...]
    surface: str
    case_sensitive: bool = False
    needs_cue: bool = False


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    entry: LexiconEntry
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)


class Lexicon:
    """Token-sequence lexicon: ``=Entry`` case-sensitive, ``~entry`` needs a cue."""

    def __init__(self, lines: tuple[str, ...] | list[str]) -> None:
        index: dict[str, list[LexiconEntry]] = {}
        for line in lines:
            case_sensitive = line.startswith("=")
            needs_cue = line.startswith("~")
            surface = line[1:] if (case_sensitive or needs_cue) else line
            toks = tokenize(surface)
            if not toks:
                continue
            entry = LexiconEntry(
                tuple(t.key for t in toks),
                " ".join(t.text for t in toks),
                case_sensitive,
                needs_cue,
            )
            index.setdefault(entry.keys[0], []).append(entry)
            if "-" in surface and not case_sensitive:  # "Magen-Darm" also as "magen darm"
                parts = tuple(p for k in entry.keys for p in k.split("-") if p)
                if parts != entry.keys:
                    index.setdefault(parts[0], []).append(
                        LexiconEntry(parts, " ".join(parts), False, needs_cue)
                    )
        for entries in index.values():
            entries.sort(key=lambda e: -len(e.keys))
        self._index = index

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def __contains__(self, key: str) -> bool:
        return any(len(e.keys) == 1 for e in self._index.get(key.casefold(), ()))

    def has_plain_word(self, key: str) -> bool:
        """``key`` is a one-word entry that counts anywhere: no cue, any case."""
        return any(
            len(e.keys) == 1 and not e.needs_cue and not e.case_sensitive
            for e in self._index.get(key.casefold(), ())
        )

    def matches(self, tokens: list[Token]) -> Iterator[LexiconMatch]:
        """Longest non-overlapping matches, left to right."""
        i, n = 0, len(tokens)
        while i < n:
            found = None
            for entry in self._index.get(tokens[i].key, ()):
                k = len(entry.keys)
                if i + k > n:
                    continue
                if any(tokens[i + j].key != entry.keys[j] for j in range(1, k)):
                    continue
                if (
                    entry.case_sensitive
                    and " ".join(t.text for t in tokens[i : i + k]) != entry.surface
                ):
                    continue
                found = LexiconMatch(entry, i, i + k - 1)
                break
            if found:
                yield found
                i = found.last + 1
            else:
                i += 1


@cache
def german_stop_words() -> frozenset[str]:
    """spaCy's German stop words, case-folded (function words are never names)."""
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(w.casefold() for w in STOP_WORDS)
