"""Make HTML markups of a text fixture page, as the live site's markup is not available to us.

    python -m tests.markup fixtures/dev-surrey-2021-frs/input.txt semantic flat malformed aria

writes ``fixtures/dev-surrey-2021-frs-<markup>/input.html`` for each markup named. The line
classes come from plain text habits (a title line, questions, short lines without a full stop,
"  • " bullets); each markup is then checked by tests/test_goldens.py to give the text page's
record. The pages of issue 20 add: a title line told by the line after it ("Published on: ..." or
"Contents"), a "Print this document" link, a grade written as a label ("Vetting, IT monitoring and
counter-corruption: good"), a letter's address lines (under "From:", "To:", "Sent on:", up to the
next blank line), and a judgments table that the scrape kept as lines ("Area Grade" over "<area>
<Grade>" lines, or cells between pipes, "Area | Grade |"), which the HTML markups write as a table.
The files are committed; run this only to make new ones, and review what it wrote.
- ``semantic``: headings, paragraphs, nested ``<ul>``, ``<table>`` (a header row of ``<th>``), site
  header/nav/footer, a hidden banner;
- ``flat``: one ``<div>`` of ``<br>``-separated lines, bullets written "•" indented with ``&nbsp;``, a
  table's rows as the text writes them;
- ``malformed``: unclosed ``<p>`` and ``<li>``, nested lists never closed, so the paragraphs after a
  list sit inside its last ``<li>`` (a browser's HTML5 parse nests them the same way); tables whose
  cells and rows are never closed;
- ``aria``: divs and spans only, their meaning given by ARIA roles (banner, navigation, a visible
  cookie dialog, main, headings by ``aria-level``, lists and list items, tables of rows and cells,
  contentinfo), questions as
  accordion buttons inside their headings, and a "Show all sections" button.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from pathlib import Path

from peel_extract.vocab import PREVIOUS_GRADE

_TITLE = re.compile(r"^[A-Z][\w’'.&-]*(?: [\w’'.&-]+)* (?:PEEL )?(?:19|20)\d\d(?:/\d\d)?$")
_BULLET = re.compile(r"^(?P<indent>[ \t\u00a0]*)[•\-] (?P<text>.*)$")
_GRADES = {"outstanding", "good", "adequate", "requires improvement", "inadequate", "ungraded"}

_GRADE_WORDS = "Outstanding|Good|Adequate|Requires improvement|Inadequate"
# A grade written as a label after its area: "Vetting, IT monitoring and counter-corruption: good".
_LABEL_GRADE = re.compile(r"^[A-Z][^:]{2,80}: (?i:" + _GRADE_WORDS + r"|no graded judgment)$")
# A row of a judgments table kept as a line: "<area> Good" under an "Area Grade" line.
_SPACED_ROW = re.compile(r"^(?P<area>.+?) (?P<grade>" + _GRADE_WORDS + r")$")
_SPACED_HEADER = "Area Grade"
_HEADER_CELLS = {"Area", "Grade", *_GRADE_WORDS.split("|")}
_LETTER_LABELS = ("From:", "To:", "Sent on:", "Yours sincerely,")
_TITLE_FOLLOWERS = ("Published on:", "Contents")
# A heading naming the body its part is about: "Resources and skills: Wessex Police" (SOC regional reports).
_BODY_HEADING = re.compile(r"^[A-Z][^:.]+: .+ (?:Police|Constabulary|Unit|ROCU)$")

Line = tuple[str, int, str]
"""(class, depth, text): class is title, question, heading, grade, item, para, link, row or chrome."""


def classify(text: str) -> list[Line]:
    """Each non-blank line with its class and, for bullets, its depth (from its indentation)."""
    lines: list[Line] = []
    indents: list[int] = []
    address = in_table = False  # inside a letter's address lines; inside a judgments table kept as lines
    for raw in text.splitlines():
        if not raw.strip():
            address = False
            continue
        stripped = raw.strip()
        in_table = _is_row(stripped, in_table)
        bullet = None if in_table or address else _BULLET.match(raw)
        if bullet is not None:
            indent = len(bullet["indent"])
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            lines.append(("item", len(indents) - 1, bullet["text"].strip()))
            continue
        indents.clear()
        lines.append(("row" if in_table else "para" if address else _line_class(stripped), 0, stripped))
        address = address or stripped in _LETTER_LABELS
    if lines and lines[-1][0] not in ("item", "row"):
        lines[-1] = ("para", 0, lines[-1][2])  # a page cut mid-sentence ends in a paragraph
    return _titled(lines)


def _titled(lines: list[Line]) -> list[Line]:
    """The first line is the page's title when "Published on: ..." or "Contents" follows it."""
    first = next((i for i, line in enumerate(lines) if line[0] != "chrome"), None)
    if first is not None and first + 1 < len(lines) and lines[first + 1][2].startswith(_TITLE_FOLLOWERS):
        lines[first] = ("title", 0, lines[first][2])
    return lines


def _is_row(text: str, in_table: bool) -> bool:
    """A row of a judgments table kept as a line: cells between pipes, or (after an "Area Grade" line) an
    area and its grade; a cut page's last line is made a paragraph afterwards, as any last line is."""
    if "|" in text:
        return (text.startswith("|") or "|" in text[:-1]) and text.endswith("|")
    return text == _SPACED_HEADER or (in_table and _SPACED_ROW.match(text) is not None)


def cells(text: str) -> list[str]:
    """The cells of a row line: between pipes, or an area and its grade (or "Area" and "Grade")."""
    if "|" in text:
        inner = text.removeprefix("|").removesuffix("|")
        return [cell.strip() for cell in inner.split("|")]
    spaced = _SPACED_ROW.match(text)
    return [spaced["area"], spaced["grade"]] if spaced else text.rsplit(" ", 1)


def _line_class(text: str) -> str:
    if text == "Skip to content":
        return "chrome"
    if text == "Print this document":
        return "link"
    if _TITLE.match(text):
        return "title"
    if text.casefold() in _GRADES or _LABEL_GRADE.match(text):
        return "grade"
    if text.startswith("Published on:"):
        return "para"
    if text.endswith("?") and len(text) < 300:
        return "question"
    if text.isdigit() or text.startswith("Last updated") or PREVIOUS_GRADE.search(text):
        return "para"  # a number, a date, a sentence that lost its full stop: paragraphs on a real page
    if len(text) < 90 and not text.endswith((".", ":", ";", ",", "’", ")")):
        return "heading"
    if len(text) < 120 and _BODY_HEADING.match(text):
        return "heading"
    return "para"


_HEAD = (
    '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>HMICFRS</title>'
    "<script>var a=1;</script></head>\n<body>\n"
)
_SITE_HEADER = '<header><nav><a href="/">Home</a> <a href="/frs">Fire and rescue</a></nav></header>\n'
_BANNER = "<div hidden><p>We use cookies on this site.</p></div>\n"
_FOOTER = "<footer><p>© Crown copyright</p></footer>\n</body></html>\n"


def _tables(lines: list[Line]) -> list[Line]:
    """The lines with each run of rows joined into one "table" line (its rows separated by newlines)."""
    out: list[Line] = []
    for kind, level, text in lines:
        if kind == "row" and out and out[-1][0] == "table":
            out[-1] = ("table", 0, out[-1][2] + "\n" + text)
        else:
            out.append(("table" if kind == "row" else kind, level, text))
    return out


def _table(text: str, row: str, header: str, cell: str, wrap: tuple[str, str]) -> str:
    """A table of a "table" line's rows: ``row`` wraps a row's cells, ``header`` or ``cell`` each cell
    (a row of "Area" and "Grade" is the header row); ``wrap`` opens and closes the table."""
    out = [wrap[0]]
    for line in text.split("\n"):
        parts = cells(line)
        tag = header if set(parts) <= _HEADER_CELLS else cell
        out.append(row.format("".join(tag.format(part) for part in parts)))
    out.append(wrap[1])
    return "".join(out)


def semantic(lines: list[Line]) -> str:
    """Headings, paragraphs, properly nested, closed lists and tables."""
    body = _nested(_tables(lines), _semantic_block, ("<ul>\n", "</ul>\n"), ("<li>{}", "</li>"))
    return "".join([_HEAD, _SITE_HEADER, _BANNER, "<main>\n", body, "</main>\n", _FOOTER])


def _nested(lines: list[Line], block: Callable[[str, str], str], lists: tuple[str, str], items: tuple[str, str]) -> str:
    """The lines with their bullets as properly nested, closed lists: ``lists`` opens and closes a
    list, ``items`` an item (its text in place of ``{}``); ``block`` writes every other line."""
    out, depth = [], -1
    (open_list, close_list), (open_item, close_item) = lists, items
    for kind, level, text in lines:
        escaped = html.escape(text, quote=False)
        while depth > (level if kind == "item" else -1):
            out.append(close_item + close_list)
            depth -= 1
        if kind == "item":
            if level > depth:
                out.append(open_list)
                depth = level
            else:
                out.append(close_item + "\n")
            out.append(open_item.format(escaped))
            continue
        out.append(block(kind, escaped))
    out.append((close_item + close_list) * (depth + 1))
    return "".join(out)


_PRINT_LINK = '<a href="javascript:window.print()">{}</a>'


def _semantic_block(kind: str, text: str) -> str:
    tag = {"title": "h1", "question": "h2", "heading": "h3"}.get(kind)
    if kind == "chrome":
        return f'<a href="#main">{text}</a>\n'
    if kind == "link":
        return "<p>" + _PRINT_LINK.format(text) + "</p>\n"
    if kind == "table":
        return _table(text, "<tr>{}</tr>\n", "<th>{}</th>", "<td>{}</td>", ("<table>\n", "</table>\n"))
    if kind == "grade":
        return f"<p><strong>{text}</strong></p>\n"
    return f"<{tag}>{text}</{tag}>\n" if tag else f"<p>{text}</p>\n"


def flat(lines: list[Line]) -> str:
    """One div of lines separated by line breaks; bullets as text, indented with non-breaking spaces."""
    out = [_HEAD, _SITE_HEADER, '<div class="content">\n']
    for kind, level, text in lines:
        escaped = html.escape(text, quote=False)
        if kind == "item":
            out.append("&nbsp;" * (2 + 4 * level) + f"•&nbsp;{escaped}<br>\n")
        else:
            out.append(f"{escaped}<br>\n<br>\n")
    out.extend(["</div>\n", _FOOTER])
    return "".join(out)


def malformed(lines: list[Line]) -> str:
    """Unclosed paragraphs and list items, and lists that are never closed."""
    out = [_HEAD, "<main>\n"]
    depth = -1
    for kind, level, text in _tables(lines):
        escaped = html.escape(text, quote=False)
        if kind == "table":  # cells and rows never closed, as HTML allows
            out.append(_table(escaped, "<tr>{}\n", "<th>{}", "<td>{}", ("<table>\n", "</table>\n")))
            depth = -1
            continue
        if kind == "link":
            escaped = _PRINT_LINK.format(escaped)
        if kind == "item":
            if level > depth:
                out.append("<ul>\n")
            depth = level
            out.append(f"<li>{escaped}\n")
            continue
        depth = -1
        tag = {"title": "h1", "question": "h2", "heading": "h3"}.get(kind)
        out.append(f"<{tag}>{escaped}</{tag}>\n" if tag else f"<p>{escaped}\n")
    out.append("</body></html>\n")
    return "".join(out)


_ARIA_CHROME = (
    '<div role="banner"><div role="navigation"><span><a href="/">Home</a></span> '
    '<span><a href="/peel">PEEL</a></span></div></div>\n'
    '<div role="dialog" aria-label="Cookies"><div>We use cookies on this site.</div>'
    '<div role="button">Accept cookies</div></div>\n'
)
_ARIA_FOOTER = '<div role="contentinfo"><div>© Crown copyright</div></div>\n</body></html>\n'


def aria(lines: list[Line]) -> str:
    """Divs and spans whose ARIA roles say what they are; lists nest as divs of role list."""
    list_div = ('<div role="list">\n', "</div>\n")
    body = _nested(_tables(lines), _aria_block, list_div, ('<div role="listitem"><span>{}</span>', "</div>"))
    show_all = '<div role="main">\n<button type="button">Show all sections</button>\n'
    return "".join([_HEAD, _ARIA_CHROME, show_all, body, "</div>\n", _ARIA_FOOTER])


def _aria_block(kind: str, text: str) -> str:
    if kind == "table":
        cell, header = '<span role="cell">{}</span>', '<span role="columnheader">{}</span>'
        return _table(text, '<div role="row">{}</div>\n', header, cell, ('<div role="table">\n', "</div>\n"))
    if kind == "link":
        return "<div>" + _PRINT_LINK.format(text) + "</div>\n"
    if kind == "title":
        return f'<div role="heading" aria-level="1">{text}</div>\n'
    if kind == "question":
        return f'<div role="heading" aria-level="2"><span role="button" tabindex="0">{text}</span></div>\n'
    if kind == "heading":
        return f'<div role="heading" aria-level="3">{text}</div>\n'
    if kind == "chrome":
        return f'<div><a href="#main">{text}</a></div>\n'
    return f'<div role="paragraph"><span>{text}</span></div>\n'


MARKUPS: dict[str, Callable[[list[Line]], str]] = {
    "semantic": semantic,
    "flat": flat,
    "malformed": malformed,
    "aria": aria,
}


def main(argv: list[str]) -> None:
    page, names = Path(argv[0]), argv[1:]
    lines = classify(page.read_text(encoding="utf-8"))
    for name in names:
        target = page.parent.with_name(f"{page.parent.name}-{name}") / "input.html"
        target.parent.mkdir(exist_ok=True)
        target.write_text(MARKUPS[name](lines), encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main(sys.argv[1:])
