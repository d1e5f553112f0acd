"""The cheap looks taken before a pattern (a first letter, words a line must hold) miss no line the pattern
matches: re.IGNORECASE reads some characters as ASCII letters (ſ as s, K as k, ı and İ as i)."""

from __future__ import annotations

import re
import string

from peel_extract.blocks import Block
from peel_extract.kinds.detect import Head
from peel_extract.vocab import (
    ASSESSMENTS_TITLE,
    ASSESSMENTS_WORDS,
    CHROME,
    CHROME_LINES,
    CHROME_STARTS,
    COMMISSION,
    COMMISSION_WORDS,
    ENGAGE_LINE,
    ENGAGE_TITLE,
    ENGAGE_WORD,
    LETTER_INFORMATION,
    LETTER_INFORMATION_WORDS,
    LETTER_TITLE,
    LETTER_WORD,
    NCPI_FINDINGS,
    NCPI_FINDINGS_WORDS,
    NCPI_TITLE,
    NCPI_TITLE_WORDS,
    NHO_PEEL_TITLE,
    NHO_PEEL_TITLE_WORDS,
    NHO_SUBJECT_TITLE,
    NHO_SUBJECT_TITLE_WORDS,
    ONE_JUDGMENT,
    ONE_JUDGMENT_WORDS,
    SOC_TITLE,
    SOC_TITLE_WORD,
    SPOTLIGHT_THEMES,
    SPOTLIGHT_THEMES_WORDS,
    SPOTLIGHT_TITLE,
    SPOTLIGHT_TITLE_WORDS,
    VETTING_CHANGE,
    VETTING_CHANGE_WORDS,
    VETTING_LABEL,
    VETTING_LABEL_WORDS,
    VETTING_TITLE,
    VETTING_TITLE_WORDS,
)

_EVERY_CHARACTER = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def test_a_chrome_line_starts_with_one_of_chrome_starts() -> None:
    assert all(line[:1].isalpha() for line in CHROME_LINES)  # the pattern's first character is a letter
    assert CHROME.pattern == "^(?:" + "|".join(CHROME_LINES) + ")$"
    first = re.compile("[" + "".join(line[0] for line in CHROME_LINES) + "]", re.IGNORECASE)
    assert {char for char in _EVERY_CHARACTER if first.fullmatch(char)} <= CHROME_STARTS


def test_the_words_looked_for_first_are_in_every_line_their_pattern_matches() -> None:
    assert ASSESSMENTS_WORDS in ASSESSMENTS_TITLE.pattern and not ASSESSMENTS_TITLE.flags & re.IGNORECASE
    for words, pattern in (
        (VETTING_TITLE_WORDS, VETTING_TITLE),
        (VETTING_CHANGE_WORDS, VETTING_CHANGE),
        (NHO_PEEL_TITLE_WORDS, NHO_PEEL_TITLE),
        (NHO_SUBJECT_TITLE_WORDS, NHO_SUBJECT_TITLE),
        (COMMISSION_WORDS, COMMISSION),
        (ONE_JUDGMENT_WORDS, ONE_JUDGMENT),
        (NCPI_TITLE_WORDS, NCPI_TITLE),
        (NCPI_FINDINGS_WORDS, NCPI_FINDINGS),
        (SPOTLIGHT_TITLE_WORDS, SPOTLIGHT_TITLE),
        (SPOTLIGHT_THEMES_WORDS, SPOTLIGHT_THEMES),
    ):  # as written, in a pattern without re.IGNORECASE
        assert words in pattern.pattern, words
        assert not pattern.flags & re.IGNORECASE, words
    for words, pattern in ((VETTING_LABEL_WORDS, VETTING_LABEL), (SOC_TITLE_WORD, SOC_TITLE)):
        assert words in pattern.pattern.lower() and pattern.flags & re.IGNORECASE, words
    for words, pattern in ((LETTER_WORD, LETTER_TITLE), (LETTER_INFORMATION_WORDS, LETTER_INFORMATION)):
        assert words in pattern.pattern.lower() and pattern.flags & re.IGNORECASE
    for pattern in (ENGAGE_TITLE, ENGAGE_LINE):
        assert ENGAGE_WORD in pattern.pattern.lower() and pattern.flags & re.IGNORECASE


def test_lowers_hold_the_lower_cased_words_an_ignorecase_pattern_matches() -> None:
    """Head.lowers reads each character as re.IGNORECASE does: a letter any character matches in that mode is in
    the character's lower-cased form there."""
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    letter_like = [char for char in _EVERY_CHARACTER if any_letter.fullmatch(char)]
    assert len(letter_like) < 60  # the 52 ASCII letters and the few re reads as one of them
    for char in letter_like:
        lower = Head([Block("para", f"x{char}x", 1)]).lowers[0]
        for letter in string.ascii_lowercase:
            if re.fullmatch(letter, char, re.IGNORECASE):
                assert letter in lower, (char, letter)
