"""Masking of personal and health data in German customer messages (Presidio)."""

from replyassist._fast_import import import_presidio_lean

import_presidio_lean()  # before anything imports Presidio or spaCy: skips their unused torch import


from replyassist.masking.config import ALL_ENTITY_TYPES, MaskingConfig, MaskingConfigError
from replyassist.masking.masker import Masker
from replyassist.masking.pseudonyms import Pseudonymizer

__all__ = ["ALL_ENTITY_TYPES", "Masker", "MaskingConfig", "MaskingConfigError", "Pseudonymizer"]
