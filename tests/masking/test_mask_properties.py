"""Property tests: masking any text never raises and returns sane spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replyassist.masking import Masker

# Free text plus fragments that drive every recognizer, glued in random order.
FRAGMENTS = st.sampled_from(
    [
        "Herr ",
        "Frau Dr. ",
        "Jana ",
        "Schulze",
        "geb. ",
        "03.05.1978",
        "Hauptstraße 12",
        "01067 Dresden",
        "A000500015",
        "15070649C103",
        "DE89 3704 0044 0532 0130 00",
        "0171 2345678",
        "+49 (0)171 2345678",
        "j.schulze@web.de",
        "F32.1",
        "Pflegegrad 3",
        "Metformin 1000 mg",
        "Ibuprofen 600",
        "schwanger",
        "LG ",
        "\n",
        ", ",
        "😡",
        "ß",
        "İ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=25).map("".join),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_mask_never_raises_and_spans_are_sane(masker: Masker, text: str) -> None:
    masked = masker.mask(text)
    prev_end = 0
    for e in masked.entities:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= prev_end  # sorted, non-overlapping
        assert 0.0 <= e.score <= 1.0
        prev_end = e.end
    if not masked.entities:
        assert masked.text == text
