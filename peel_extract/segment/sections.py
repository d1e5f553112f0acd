"""Rule: a sub-heading inside a question opens a new findings section."""

from __future__ import annotations

from ..blocks import Block
from ..blocks.common import TERMINAL
from ..vocab import PREVIOUS_GRADE, grade
from .passes.evidence import stated_grade
from .rule import accepts
from .state import D, State

_TERMINAL = (*TERMINAL, ",", "…")
MAX_HEADING = 120
_MAX_WORDS = 20  # fire and rescue findings headings are sentences, some of 15-20 words


def looks_like_heading(state: State[D], block: Block) -> bool:
    """An HTML heading, or a short capitalised line with no closing punctuation (not a lone grade word,
    nor a grade sentence that lost its full stop).

    The page's last block is never a heading: a page cut mid-sentence ends in such a line.
    """
    if block.kind == "heading":
        return True
    text = block.text
    return (
        block.kind == "para"
        and len(text) <= MAX_HEADING
        and text[:1].isupper()
        and not text.endswith(_TERMINAL)
        and len(text.split()) <= _MAX_WORDS
        and grade(text) is None
        and not state.is_last()
        and not _states_a_grade(text)
    )


def _states_a_grade(text: str) -> bool:
    """A sentence giving a grade ("X was good in its 2018/19 assessment") is one even without its full stop."""
    return PREVIOUS_GRADE.search(text) is not None or stated_grade(text) is not None


@accepts(longest=MAX_HEADING, phases=["summary", "questions"])  # HTML headings meet it whatever their length
def subheading(state: State[D], block: Block) -> bool:
    """A heading inside a question (or after a pillar page's summary) starts a section of findings."""
    if (state.question is None and state.phase != "summary") or not looks_like_heading(state, block):
        return False
    state.open_section(block.text, block.line)
    return True
