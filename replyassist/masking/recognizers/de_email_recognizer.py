"""E-mail addresses, Presidio's recognizer made offline and German-aware."""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# One process-wide extractor over tldextract's bundled public-suffix snapshot:
# no suffix-list URL (nothing is fetched, no traceback on a locked-down server)
# and no cache directory (nothing is written to the user's home).
_OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(
    cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
)


class DeEmailRecognizer(EmailRecognizer):
    """E-mail addresses (``j.schulze@web.de``).

    Format: Presidio's e-mail regex; a match counts only when its domain ends in
    a public suffix, checked against tldextract's *bundled* snapshot because the
    stock recognizer's module-level extractor first tries to download the list.

    Score: 0.5 from the regex, raised to 1.0 by a known public suffix; German
    context words ("E-Mail", "Mail", "Adresse") add to the rest.
    """

    CONTEXT = [  # noqa: RUF012 (Presidio convention)
        "email",
        "e-mail",
        "mail",
        "mailadresse",
        "adresse",
        "schreiben",
        "kontakt",
    ]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(context=self.CONTEXT, supported_language=supported_language)

    def validate_result(self, pattern_text: str) -> bool:
        """True when the domain has a known public suffix (offline check)."""
        return _OFFLINE_TLD_EXTRACT(pattern_text).fqdn != ""
