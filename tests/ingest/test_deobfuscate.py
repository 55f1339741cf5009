from __future__ import annotations

import pytest

from civcas.ingest import build_document
from civcas.ingest.deobfuscate import deobfuscate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Civilian kil*led in the countryside", "Civilian killed in the countryside"),
        ("Young man sh-ot de-ad by gunmen", "Young man shot dead by gunmen"),
        ("two IS*IS members arrested", "two ISIS members arrested"),
        ("shelling on al-Bab and Ain-Issa", "shelling on al-Bab and Ain-Issa"),
        ("U.S. forces and a 10-year-old child", "U.S. forces and a 10-year-old child"),
        # a star in place of a letter: the one listed word it spells
        ("A drone k*lled two civilians and inj*red four", "A drone killed two civilians and injured four"),
        ("Turkish drone fire ki*ll and injure three medics", "Turkish drone fire kill and injure three medics"),
        ("Three K*LLED in a ma**acre", "Three KILLED in a massacre"),
    ],
)
def test_deobfuscate_rejoins_broken_words_only(text: str, expected: str) -> None:
    assert deobfuscate(text) == expected


def test_deobfuscate_applies_to_documents_and_keeps_raw() -> None:
    doc = build_document("Security chaos | Civilian kil*led by gunmen in Hama", where="t.txt")
    assert "Civilian killed by gunmen" in doc.text
    assert doc.raw is not None and "kil*led" in doc.raw


def test_normalise_drops_bold_tags_left_in_a_plain_text_export() -> None:
    from civcas.ingest.normalise import normalise

    assert normalise("A blast <b>killed</b> four people and <I>wounded</I> nine.") == (
        "A blast killed four people and wounded nine."
    )


def test_a_star_for_a_letter_of_a_harm_word_still_states_the_harm() -> None:
    from civcas.extract import ExtractConfig, run

    doc = build_document("A Turkish drone k*lled two civilians and inj*red four others near Manbij.", where="t.txt")
    (claim,) = run(doc, config=ExtractConfig(gazetteer=None))
    assert claim.killed is not None and claim.killed.value == 2
    assert claim.injured is not None and claim.injured.value == 4
