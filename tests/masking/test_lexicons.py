"""Lexicon files: plain text, loadable, and honest about the hold-out."""

from __future__ import annotations

from importlib import resources

from replyassist.masking.build_lexicons import is_held_out
from replyassist.masking.lexicon import Lexicon, read_lines, tokenize


def test_data_files_are_text_only() -> None:
    data = resources.files("replyassist.masking").joinpath("data")
    names = sorted(p.name for p in data.iterdir() if p.is_file())
    assert names and all(n.endswith(".txt") for n in names)


def test_held_out_names_are_not_shipped() -> None:
    first = read_lines("first_names.txt")
    last = read_lines("last_names.txt")
    assert len(first) > 3000 and len(last) > 5000
    assert not any(is_held_out(n) for n in first[:500])
    assert not any(is_held_out(n) for n in last[:500])


def test_common_words_are_not_names() -> None:
    first = {n.casefold() for n in read_lines("first_names.txt")}
    for word in ("nur", "august", "will", "hallo", "krankengeld"):
        assert word not in first


def test_lexicon_matching_longest_first() -> None:
    lex = Lexicon(["diabetes", "diabetes typ 2", "=MS", "~zucker", "magen-darm"])
    toks = tokenize("Diabetes Typ 2, ms, MS, magen darm")
    got = [" ".join(t.text for t in toks[m.first : m.last + 1]) for m in lex.matches(toks)]
    assert got == ["Diabetes Typ 2", "MS", "magen darm"]
