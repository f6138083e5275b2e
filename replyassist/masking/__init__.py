"""Masking of personal and health data in German customer messages (Presidio)."""

from replyassist.masking.config import ALL_ENTITY_TYPES, MaskingConfig, MaskingConfigError
from replyassist.masking.masker import Masker
from replyassist.masking.pseudonyms import Pseudonymizer

__all__ = ["ALL_ENTITY_TYPES", "Masker", "MaskingConfig", "MaskingConfigError", "Pseudonymizer"]
