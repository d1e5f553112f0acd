"""The block stream both readers produce, and the line rules they share (white space, bullets)."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

BlockKind = Literal["para", "heading", "item", "row", "title"]


class Block(NamedTuple):
    """One unit of page content, the same whether it came from HTML or from text.

    Immutable like a frozen dataclass, but built in C: pages are made of many blocks.
    """

    kind: BlockKind
    """``para`` (a line of prose), ``heading`` (an HTML heading), ``item`` (a list item), ``row`` (a table
    row), ``title`` (the page's own title, an HTML ``<title>``: first in the stream when there is one)."""
    text: str
    """The content with runs of white space folded to one space; typographic characters kept."""
    line: int
    """1-based line in the decoded source where the block starts."""
    depth: int = 0
    """For items: nesting depth, 0 for a top-level item, 1 for an item of a nested list, ..."""
    level: int = 0
    """For HTML headings: 1-6 from ``h1``-``h6``; 0 otherwise."""
    cells: tuple[tuple[str, ...], ...] = ()
    """For rows: each cell's lines (its paragraphs or ``<br>``-separated lines); empty cells are kept, so
    cells line up with their columns. ``text`` is the row's non-empty cells joined by " | "."""
    marker: str = ""
    """For items: the bullet or number written before the text ("•", "-", "1.", "(a)"), taken off ``text``;
    empty for an HTML list item that shows none."""


# Characters a complete sentence (or list entry) ends with.
TERMINAL = tuple('.?!:;)"”’')

_INVISIBLE = re.compile("[\u200b\ufeff]")
# A bullet at the start of a line: a bullet character, or "1." / "1)" / "(a)" numbering.
_BULLET = re.compile(
    r"^(?P<indent>[ \t\u00a0]*)(?P<marker>[•·*\-–‣◦▪●○]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))[ \t\u00a0]+(?=\S)"
)


_BULLET_STARTS = frozenset("•·*-–‣◦▪●○(")
BULLET_STARTS = _BULLET_STARTS
"""What a bulleted line starts with after its indent (else a digit, for a number): any other line has no bullet."""
INDENT = " \t\u00a0"
"""What indents a line (before a bullet)."""


def fold(text: str) -> str:
    """Fold every run of white space (NBSP and zero-width space included) to one space."""
    if text.isprintable():  # every white space character but the ASCII space is unprintable
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text  # folded already (most text is)
    elif "\u200b" in text or "\ufeff" in text:
        text = _INVISIBLE.sub(" ", text)
    return " ".join(text.split())


def split_bullet(raw: str) -> tuple[int, str, str] | None:
    """``(indent, marker, text)`` when ``raw`` is a bulleted or numbered line, else None."""
    first = raw.lstrip(INDENT)[:1]
    if not first or (first not in _BULLET_STARTS and not first.isdigit()):
        return None  # most lines start with a letter: no need for the pattern
    match = _BULLET.match(raw)
    if match is None:
        return None
    indent = match.group("indent")  # spaces, NBSPs and tabs only: its width without a loop (a tab counts as four)
    return len(indent) + 3 * indent.count("\t"), match.group("marker"), fold(raw[match.end() :])


def strip_bullet(text: str) -> tuple[str, str]:
    """``(marker, text)``: ``text`` without a leading bullet or number (list items sometimes repeat it)."""
    found = split_bullet(text)
    return (found[1], found[2]) if found else ("", fold(text))


PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
"""The printable ASCII characters: ASCII text is printable (``str.isprintable``, its white space a single space at
most) when deleting these from its bytes leaves nothing, a table look per byte (not the Unicode database's)."""
_new_block = tuple.__new__
# What a line may start with when it is not a plain paragraph (a bullet, numbering, indentation).
NOT_PLAIN = frozenset(" \t\u00a0") | _BULLET_STARTS | frozenset("0123456789")


def para(text: str, line: int) -> Block:
    """A paragraph block of folded text (made in C: most blocks are paragraphs)."""
    return _new_block(Block, ("para", text, line, 0, 0, (), ""))


class LineLists:
    """Turns a run of bulleted lines into items whose depth follows their indentation."""

    __slots__ = ("indents",)

    def __init__(self) -> None:
        self.indents: list[int] = []
        """The indentation of each open level of the current run (cleared: the run ends)."""

    def reset(self) -> None:
        """End the current run: the next bullet starts a new top-level list."""
        self.indents.clear()

    def block(self, raw: str, line: int) -> Block | None:
        """A block for the raw line (an item when bulleted), or None for a blank line."""
        if raw[:1] not in NOT_PLAIN:  # most lines: no bullet, no indentation
            text = fold(raw)
            if not text:
                return None
            self.indents.clear()
            return para(text, line)
        found = split_bullet(raw)
        if found is None:
            text = fold(raw)
            if not text:
                return None
            self.indents.clear()
            return para(text, line)
        indent, marker, text = found
        return _new_block(Block, ("item", text, line, self._depth(indent), 0, (), marker))

    def _depth(self, indent: int) -> int:
        while self.indents and indent < self.indents[-1]:
            self.indents.pop()
        if not self.indents or indent > self.indents[-1]:
            self.indents.append(indent)
        return len(self.indents) - 1
