"""Give hand-written identifiers valid check digits (same length, offsets unchanged).

    .venv/bin/python examples/datasets/fix_check_digits.py IN.jsonl OUT.jsonl

The third-session writers were told that a wrong check digit was fine, so
their KVNRs, pension numbers and IBANs mostly fail the checks that real ones
pass. This replaces only the check digit(s) of each labelled identifier with
the valid ones (KVNR: last digit; pension number: last digit; IBAN: digits 3
and 4) so that the sets measure the masker on realistic numbers. Spans whose
other parts are impossible (e.g. a pension number with month 13) are left
as written and listed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from replyassist.masking.recognizers.de_iban_recognizer import iban_is_valid
from replyassist.masking.recognizers.de_kvnr_recognizer import kvnr_is_valid
from replyassist.masking.recognizers.de_pension_number_recognizer import pension_number_is_valid


def _positions(value: str) -> list[int]:
    """Indices of the alphanumeric characters of ``value`` (separators skipped)."""
    return [i for i, ch in enumerate(value) if ch.isalnum()]


def _repair(value: str, valid: Callable[[str], bool], slots: list[int]) -> str | None:
    """``value`` with the characters at alphanumeric ``slots`` set so that ``valid`` holds."""
    if valid(value):
        return value
    pos = [_positions(value)[s] for s in slots]
    for n in range(10 ** len(pos)):
        digits = f"{n:0{len(pos)}d}"
        chars = list(value)
        for p, d in zip(pos, digits, strict=True):
            chars[p] = d
        candidate = "".join(chars)
        if valid(candidate):
            return candidate
    return None


RULES: dict[str, tuple[Callable[[str], bool], list[int]]] = {
    "DE_HEALTH_INSURANCE": (kvnr_is_valid, [9]),
    "DE_SOCIAL_SECURITY": (pension_number_is_valid, [11]),
    "IBAN_CODE": (iban_is_valid, [2, 3]),
}


def main(src: Path, dst: Path) -> None:
    fixed = left = 0
    rows = []
    for line in src.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        for span in row["spans"]:
            rule = RULES.get(span["entity_type"])
            if rule is None:
                continue
            value = text[span["start"] : span["end"]]
            new = _repair(value, *rule)
            if new is None:
                left += 1
                print(f"left as written: {row['id']} {span['entity_type']}")
            elif new != value:
                text = text[: span["start"]] + new + text[span["end"] :]
                fixed += 1
        rows.append({**row, "text": text})
    dst.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(json.dumps({"messages": len(rows), "check_digits_fixed": fixed, "left": left}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
