"""The project's recognizers for German: Presidio's structured-id recognizers
wrapped for German spelling and offline use, and the project's own ones."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from replyassist.masking.recognizers.de_address_recognizer import DeAddressRecognizer
from replyassist.masking.recognizers.de_date_of_birth_recognizer import DeDateOfBirthRecognizer
from replyassist.masking.recognizers.de_email_recognizer import DeEmailRecognizer
from replyassist.masking.recognizers.de_health_condition_recognizer import (
    DeHealthConditionRecognizer,
)
from replyassist.masking.recognizers.de_iban_recognizer import DeIbanRecognizer
from replyassist.masking.recognizers.de_kvnr_recognizer import DeKvnrRecognizer
from replyassist.masking.recognizers.de_medication_recognizer import DeMedicationRecognizer
from replyassist.masking.recognizers.de_pension_number_recognizer import (
    DePensionNumberRecognizer,
)
from replyassist.masking.recognizers.de_person_recognizer import DePersonRecognizer
from replyassist.masking.recognizers.de_phone_recognizer import DePhoneRecognizer
from replyassist.masking.recognizers.spacy_ner import DeSpacyNerRecognizer

__all__ = [
    "DeAddressRecognizer",
    "DeDateOfBirthRecognizer",
    "DeEmailRecognizer",
    "DeHealthConditionRecognizer",
    "DeIbanRecognizer",
    "DeKvnrRecognizer",
    "DeMedicationRecognizer",
    "DePensionNumberRecognizer",
    "DePersonRecognizer",
    "DePhoneRecognizer",
    "DeSpacyNerRecognizer",
]


def default_recognizers(language: str = "de") -> list[EntityRecognizer]:
    """A fresh instance of every recognizer the default Masker uses."""
    person = DePersonRecognizer(supported_language=language)
    return [
        DeEmailRecognizer(supported_language=language),
        DeIbanRecognizer(supported_language=language),
        DeKvnrRecognizer(supported_language=language),
        DePensionNumberRecognizer(supported_language=language),
        DePhoneRecognizer(supported_language=language),
        person,
        DeDateOfBirthRecognizer(supported_language=language, name_finder=person.find),
        DeAddressRecognizer(supported_language=language),
        DeHealthConditionRecognizer(supported_language=language),
        DeMedicationRecognizer(supported_language=language),
    ]
