"""Consistent, reversible pseudonyms within one conversation (memory only).

``<PERSON>`` tells an agent that a name was there; ``<PERSON_1>`` additionally
tells that the customer and the doctor mentioned later are different people,
and lets the agent's draft be filled back in with the real values before it is
sent privately. The mapping lives only in this object: it is never written,
logged or shown in ``repr``; drop the object (or call :meth:`clear`) when the
conversation ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from replyassist.types import Entity

_TOKEN_RE = re.compile(r"<([A-Z][A-Z_]*?)_(\d+)>")
_COMPACT_TYPES = frozenset(
    {"PHONE_NUMBER", "IBAN_CODE", "DE_HEALTH_INSURANCE", "DE_SOCIAL_SECURITY", "EMAIL_ADDRESS"}
)


def _normalize(entity_type: str, value: str) -> str:
    if entity_type in _COMPACT_TYPES:
        return re.sub(r"[\s\-/().]", "", value).casefold()
    return " ".join(value.split()).casefold()


class Pseudonymizer:
    """Maps each distinct value to ``<TYPE_n>``, the same value to the same token.

    Matching is per entity type and ignores case and spacing (``0171 2345678``
    and ``0171/2345678`` are one number). A PERSON mentioned by last name only
    ("Herr Müller") reuses the token of an earlier full name ending in that
    name ("Jana Müller").
    """

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], str] = {}
        self._values: dict[str, str] = {}
        self._counters: dict[str, int] = {}

    def __repr__(self) -> str:
        return f"Pseudonymizer(values={len(self._values)})"

    def __len__(self) -> int:
        return len(self._values)

    def token_for(self, entity_type: str, value: str) -> str:
        """The pseudonym of ``value`` (created on first use)."""
        key = (entity_type, _normalize(entity_type, value))
        token = self._tokens.get(key)
        if token is None and entity_type == "PERSON":
            token = self._person_alias(key[1])
        if token is None:
            n = self._counters.get(entity_type, 0) + 1
            self._counters[entity_type] = n
            token = f"<{entity_type}_{n}>"
            self._values[token] = value
        self._tokens[key] = token
        return token

    def _person_alias(self, name: str) -> str | None:
        parts = name.split()
        for (etype, known), token in self._tokens.items():
            if etype != "PERSON":
                continue
            known_parts = known.split()
            if (
                parts
                and known_parts
                and (parts[-1] == known_parts[-1])
                and (len(parts) == 1 or len(known_parts) == 1)
            ):
                return token
        return None

    def pseudonymize(self, text: str, entities: Sequence[Entity]) -> str:
        """``text`` with each entity replaced by its consistent pseudonym.

        ``entities`` must be non-overlapping with offsets into ``text`` (as
        returned by :meth:`Masker.analyze`).
        """
        parts: list[str] = []
        pos = 0
        for ent in sorted(entities, key=lambda e: e.start):
            if ent.start < pos or ent.end > len(text) or ent.start >= ent.end:
                raise ValueError("entities must be non-overlapping spans inside the text")
            parts.append(text[pos : ent.start])
            parts.append(self.token_for(ent.entity_type, text[ent.start : ent.end]))
            pos = ent.end
        parts.append(text[pos:])
        return "".join(parts)

    def restore(self, draft: str) -> str:
        """Put the real values back into an agent's draft; unknown tokens stay."""
        return _TOKEN_RE.sub(lambda m: self._values.get(m.group(0), m.group(0)), draft)

    def clear(self) -> None:
        """Forget every value (end of the conversation)."""
        self._tokens.clear()
        self._values.clear()
        self._counters.clear()
