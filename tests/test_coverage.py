"""Nothing lost: every content block of a page ends up in its record, verbatim, or in 'unplaced'.

Exempt are chrome (removed before segmentation), banners before the title line, the HTML page's
<title> (read for a report's name and round, and kept in its record), and the structural lines
whose meaning the record holds in a field (title, date, grade line, question number, "Questions
for X", pillar line, list headings, inspector line, "HMI's observations", a report's "Overall
summary" and "Our judgments", the lines under the newer kinds' titles ("Published on:", "Contents"), a
letter's "From:", "To:", "Sent on:" and its date, a custody report's section headings). A row of a
judgments table is kept as its areas: each line of its cells that is not a grade or a header word must be in the record.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, extract_file, vocab
from peel_extract.blocks import Block, page_blocks, sniff_format
from peel_extract.decode import decode_text as decode
from peel_extract.read import read_page
from peel_extract.segment.header import is_pillar_line
from peel_extract.segment.passes.chrome import strip_chrome

from .conftest import ROOT, as_json, fixture_inputs

STRUCTURAL = (
    vocab.TITLE,
    vocab.YEAR_TITLE,
    vocab.ASSESSMENTS_TITLE,
    vocab.LAST_UPDATED,
    vocab.QUESTION_NUMBER,
    vocab.QUESTIONS_HEADING,
    vocab.AREAS_FOR_IMPROVEMENT,
    vocab.CAUSES_OF_CONCERN,
    vocab.RECOMMENDATIONS,
    vocab.INSPECTOR,
    vocab.OBSERVATIONS,
    vocab.PRACTICE_HEADING,
    vocab.REPORT_HEADINGS,
    vocab.TABLE_HEADER,
    *vocab.LETTER_STRUCTURE,
    *vocab.CUSTODY_STRUCTURE,
    *vocab.SOC_STRUCTURE,
    *vocab.VETTING_STRUCTURE,
    *vocab.NHO_STRUCTURE,
)
TITLES = (
    vocab.TITLE,
    vocab.YEAR_TITLE,
    vocab.ASSESSMENTS_TITLE,
    vocab.VETTING_TITLE,
    vocab.NHO_PEEL_TITLE,
    vocab.NHO_SUBJECT_TITLE,
)
# A numbered heading ("2. How effectively ...?") is kept without its number, as a text scrape's numbered line is.
_NUMBER = re.compile(r"^[0-9]{1,2}\.\s+")


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    if isinstance(value, dict):
        return {s for k, v in value.items() if k not in ("source", "warnings") for s in _strings(v)}
    return set()


def _row_kept(block: Block, kept: set[str]) -> bool:
    """A table row is kept as a paragraph, or (a judgments table's row) as the areas its cells name."""
    lines = [line for cell in block.cells for line in cell]
    return block.text in kept or all(line in kept or _kept_text(Block("para", line, 0), None) is None for line in lines)


def _text_row_kept(text: str, kept: set[str]) -> bool:
    """A judgments table's row kept as text ("Area | Grade |", "Protecting vulnerable people Good", "Area Grade")
    is kept as the areas its cells name."""
    if "|" in text:
        cells = [cell.strip() for cell in text.split("|") if cell.strip()]
        return all(cell in kept or _kept_text(Block("para", cell, 0), None) is None for cell in cells)
    row = vocab.TABLE_ROW.match(text)
    return (row is not None and row["area"] in kept) or all(vocab.TABLE_HEADER.match(w) for w in text.split(" "))


def _kept_text(block: Block, following: Block | None) -> str | None:
    """The text a block must leave in the record, or None for a structural line."""
    text = block.text
    if vocab.grade(text) or is_pillar_line(text, vocab.ALL_PILLARS) or any(p.match(text) for p in STRUCTURAL):
        return None
    inspector = vocab.INSPECTOR.match(following.text) if following is not None else None
    if inspector is not None and inspector["name"] == text:
        return None  # the inspector's name on a line of its own, before the line giving their title
    read_more = vocab.READ_MORE.match(text)
    if read_more is not None:
        return text[read_more.end() :].strip() or None
    for pattern in (vocab.GRADED_QUESTION, vocab.NUMBERED_QUESTION):
        match = pattern.match(text)
        if match is not None:
            text = match["text"]
    return text


def _after_title(blocks: list[Block], record: dict[str, Any]) -> list[Block]:
    for index, block in enumerate(blocks):
        if any(p.match(block.text) for p in TITLES):
            return blocks[index + 1 :]
    if record["page_type"].endswith("_report") or record["page_type"] == "monitoring_letter":
        # reports and letters have no title line of those kinds: they start at their opening (a letter at once)
        return blocks[next((i for i, b in enumerate(blocks) if vocab.REPORT_OPENING.match(b.text)), 0) :]
    assert record.get("force", record.get("service")) is None, "a page with a name has its title line"
    return blocks


@pytest.mark.parametrize("page", fixture_inputs(), ids=lambda p: p.parent.name)
def test_every_content_block_is_in_the_record(page: Path) -> None:
    path = ROOT / page
    try:
        record = as_json(extract_file(path))
    except PeelError:
        pytest.skip("a page of a kind not converted")
    decoded = decode(read_page(path).data, str(path))
    blocks = [b for b in page_blocks(decoded.text, sniff_format(decoded.text)) if b.kind != "title"]
    kept = _strings(record)
    content = _after_title(strip_chrome(blocks), record)
    following = [*content[1:], None]
    missing = [
        b.text
        for b, n in zip(content, following, strict=True)
        if (t := _kept_text(b, n))
        and t not in kept
        and _NUMBER.sub("", t) not in kept
        and not (b.kind == "row" and _row_kept(b, kept))
        and not (b.kind == "para" and _text_row_kept(t, kept))
    ]
    assert missing == []


def test_text_with_no_place_is_kept_as_unplaced() -> None:
    from peel_extract import extract_page

    page = (
        "Gwent PEEL 2017\n\nLegitimacy\n\nHow legitimate is the force?\n\nLast updated 12/12/2017\nGood\n\n"
        "Summary.\n\nQuestions for Legitimacy\n\nA stray line before any question.\n\n"
        "How well does the force treat people?\n\nGood\n\nFindings.\n"
    )
    record = as_json(extract_page(page.encode(), "p.txt"))
    assert record["unplaced"] == [{"text": "A stray line before any question.", "line": 14}]
    assert record["warnings"] == [
        {"code": "unplaced", "message": "text outside any part of the page is kept in 'unplaced'", "line": 14}
    ]
    assert record["questions"][0]["sections"][0]["paragraphs"] == ["Findings."]
