"""Lexicon files: plain text, loadable, complete, and disjoint from the gold's unseen locales."""

from __future__ import annotations

from importlib import resources

from replyassist.masking.build_lexicons import (
    LEXICON_LOCALES,
    UNSEEN_LOCALES,
    _is_latin_name,
    common_words,
    faker_names,
)
from replyassist.masking.lexicon import Lexicon, read_lines, tokenize


def test_data_files_are_text_only() -> None:
    data = resources.files("replyassist.masking").joinpath("data")
    names = sorted(p.name for p in data.iterdir() if p.is_file())
    assert names and all(n.endswith(".txt") for n in names)


def test_full_lexicon_is_shipped() -> None:
    """No hold-out: every usable name of every lexicon locale is shipped
    (Emma, Lotta, ... were once dropped by a 20 % hash bucket)."""
    first = {n.casefold() for n in read_lines("first_names.txt")}
    last = {n.casefold() for n in read_lines("last_names.txt")}
    blocked = common_words()
    for locale in LEXICON_LOCALES:
        f, la = faker_names(locale)
        for names, shipped in ((f, first), (la, last)):
            missing = {n for n in names if _is_latin_name(n) and n.casefold() not in blocked} - {
                n for n in names if n.casefold() in shipped
            }
            assert not missing, (locale, sorted(missing)[:5])
    assert {"emma", "lotta", "anton"} <= first


def test_unseen_locales_still_give_unseen_names() -> None:
    """The synthetic gold's "unseen" names come from locales outside the lexicon."""
    assert not set(UNSEEN_LOCALES) & set(LEXICON_LOCALES)
    first = {n.casefold() for n in read_lines("first_names.txt")}
    unseen = set()
    for locale in UNSEEN_LOCALES:
        unseen |= {n for n in faker_names(locale)[0] if n.casefold() not in first}
    assert len(unseen) > 300


def test_common_words_are_not_names() -> None:
    first = {n.casefold() for n in read_lines("first_names.txt")}
    for word in ("nur", "august", "will", "hallo", "krankengeld"):
        assert word not in first


def test_lexicon_matching_longest_first() -> None:
    lex = Lexicon(["diabetes", "diabetes typ 2", "=MS", "~zucker", "magen-darm"])
    toks = tokenize("Diabetes Typ 2, ms, MS, magen darm")
    got = [" ".join(t.text for t in toks[m.first : m.last + 1]) for m in lex.matches(toks)]
    assert got == ["Diabetes Typ 2", "MS", "magen darm"]


def test_plain_word_excludes_cue_case_sensitive_and_multiword_entries() -> None:
    lex = Lexicon(["Migräne", "~zucker", "=MS", "diabetes typ 2"])
    assert lex.has_plain_word("migräne") and lex.has_plain_word("MIGRÄNE")
    assert not lex.has_plain_word("zucker")  # needs a cue
    assert not lex.has_plain_word("ms")  # case-sensitive entry
    assert not lex.has_plain_word("diabetes")  # only the start of a multi-word entry
