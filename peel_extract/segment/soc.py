"""Rules of serious and organised crime regional reports (2022 on): the title naming the region, the date and
furniture under it, the framing sections, "Regional findings", and one section per graded body (the ROCU, each
force) with its grade line or label and its three parts.

Only the title and framing are seen in real pages; the bodies follow the grammar the research notes give (a
heading naming the body, then "Resources and skills: <body>" and the like) and the grade forms the other kinds
share. Inside the regional findings and each body, the shared rules read list headings, practice and findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Block
from ..blocks.common import TERMINAL
from ..vocab import (
    PUBLISHED_ON,
    SITE_FURNITURE,
    SOC_ABOUT_REPORT,
    SOC_BODIES_HEADING,
    SOC_CLOSING_HEADING,
    SOC_CONTENTS,
    SOC_GRADE_LABEL,
    SOC_LABEL_TOPIC,
    SOC_PART,
    SOC_PARTS,
    SOC_REGIONAL_FINDINGS,
    SOC_TITLE,
    plain_hyphens,
    report_grade,
)
from .drafts import AreaDraft, Node, PageDraft, SectionDraft
from .letterhead import iso_date
from .passes.evidence import first_sentence
from .rule import accepts
from .sections import MAX_HEADING, looks_like_heading
from .soc_bodies import BodyType, body_type, same_body, stated_of
from .state import State, Tree

# A body's heading is told by a part heading naming it within this many blocks.
_SHORTEST_CONTENTS = 2
"""Lines after "Contents" are its entries when there are at least this many."""
_PART_REACH = 8


@dataclass(slots=True)
class BodyDraft(AreaDraft):
    """A graded body of the page, its ROCU or one of its forces: its name (as its heading writes it) as ``text``,
    its grade, lists, practice and findings. ``judgment_source``: its ``grade_line``, ``label`` or ``sentence``."""

    type: BodyType | None = None


@dataclass(slots=True)
class SocDraft(PageDraft):
    """A serious and organised crime regional report: its region, framing, regional findings and bodies."""

    heading: str | None = None
    """The title line (the h1)."""
    region: str | None = None
    published: str | None = None
    inspected: str | None = None
    context_sections: list[SectionDraft] = field(default_factory=list)
    regional: AreaDraft | None = None
    """The "Regional findings" section (not graded), read as an area is."""
    bodies: list[BodyDraft] = field(default_factory=list)
    forces: list[tuple[str, str]] = field(default_factory=list)
    """(full name, the sentence or heading naming it), for each force the page names as the region's."""
    contents: list[str] = field(default_factory=list)
    """The entries of the page's list of contents, where it kept one."""
    contents_open: bool = False
    """The last furniture line was "Contents": list items right after it are the list of contents."""
    contents_lines: int = 0
    """How many of the next lines are entries of the list of contents, where a scrape kept them as lines."""
    about_report: int | None = None
    """The index in ``context_sections`` of "About our report", while the page is in it: "Regional findings"
    under it names a part of the report (where no bullets name them)."""


@accepts(phases=["preamble", "summary"])
def soc_title(state: State[SocDraft], block: Block) -> bool:
    """The title line (or h1), "An inspection of the <region> regional response to serious and organised crime",
    before any of the page's text: the heading and the region."""
    page = state.page
    if block.kind == "item" or page.heading is not None or page.context_sections or page.header.summary:
        return False
    found = SOC_TITLE.match(block.text)
    if found is None:
        return False
    page.heading, page.region = block.text, plain_hyphens(found["region"])
    return True


@accepts(longest=40, phases=["summary"])
def soc_published(state: State[SocDraft], block: Block) -> bool:
    """ "Published on: 30 August 2024" under the title, as an ISO date (a date that is none is said)."""
    page = state.page
    found = PUBLISHED_ON.match(block.text) if block.kind != "item" else None
    if found is None or page.published is not None or page.regional is not None:
        return False
    page.published = iso_date(found)
    if page.published is None:
        state.warn("bad_date", f"'{block.text}' is not a real date; published left empty", block.line)
    return True


@accepts(longest=20, phases=["summary"])
def soc_furniture(state: State[SocDraft], block: Block) -> bool:
    """ "Contents" and "Print this document" under the title: site furniture, never content ("Contents" opens
    the list of contents a saved HTML page may keep)."""
    page = state.page
    if block.kind == "item" or page.regional is not None or SITE_FURNITURE.match(block.text) is None:
        return False
    page.contents_open = SOC_CONTENTS.match(block.text) is not None
    page.contents_lines = _contents_lines(state) if page.contents_open else 0
    return True


def _contents_lines(state: State[SocDraft]) -> int:
    """How many lines after "Contents" are its entries, where a scrape kept them as lines: a run of short lines
    that ends at "Print this document", or where its first line comes again (the page's first heading)."""
    run: list[str] = []
    following = state.peek(len(run) + 1)
    while following is not None and following.kind != "item" and _entry_like(following.text):
        if run and same_body(following.text, run[0]):
            return len(run) if len(run) >= _SHORTEST_CONTENTS else 0
        run.append(following.text)
        following = state.peek(len(run) + 1)
    ends = following is not None and SITE_FURNITURE.match(following.text) is not None
    return len(run) if ends and len(run) >= _SHORTEST_CONTENTS else 0


def _entry_like(text: str) -> bool:
    """A line that may be an entry of the contents: a heading's words (not furniture, no closing stop)."""
    return (
        len(text) <= MAX_HEADING
        and text[:1].isupper()
        and not text.endswith(TERMINAL)
        and SITE_FURNITURE.match(text) is None
    )


@accepts(items=True, longest=MAX_HEADING, phases=["summary"], after=["soc_furniture", "soc_contents_item"])
def soc_contents_item(state: State[SocDraft], block: Block) -> bool:
    """An entry of the list of contents under "Contents": a list item (a saved HTML page's list), or one of
    the lines a scrape kept of it. Its entries are the page's headings, its bodies' among them."""
    page = state.page
    if block.kind == "item" and page.contents_open:
        page.contents.append(block.text)
        return True
    if block.kind == "item" or page.contents_lines == 0:
        return False
    page.contents.append(block.text)
    page.contents_lines -= 1
    return True


@accepts(longest=MAX_HEADING, phases=["summary", "questions"])
def soc_regional_findings(state: State[SocDraft], block: Block) -> bool:
    """The "Regional findings" heading opens the region's findings (graded nowhere); under "About our report",
    before its bullets, the same heading only names a part of the report."""
    page = state.page
    if block.kind == "item" or page.regional is not None or not SOC_REGIONAL_FINDINGS.match(block.text):
        return False
    if _in_about_report(page) or not looks_like_heading(state, block):
        return False
    page.regional = AreaDraft(number=None, text=block.text, line=block.line)
    state.question, state.section = page.regional, None
    return True


def _in_about_report(page: SocDraft) -> bool:
    """Inside "About our report", while it describes the report's parts under headings (not in bullets), and
    before it has named "Regional findings" once (a second such heading opens the findings)."""
    start = page.about_report
    if start is None:
        return False
    described = page.context_sections[start:]
    return not any(s.lists or SOC_REGIONAL_FINDINGS.match(s.heading or "") for s in described)


@accepts(longest=MAX_HEADING, phases=["summary", "questions"])
def soc_body_heading(state: State[SocDraft], block: Block) -> bool:
    """A heading naming a graded body: a force's or unit's name after the regional findings, or a heading
    whose grade follows, or which the part headings after it name."""
    text = block.text
    if block.kind == "item" or not looks_like_heading(state, block) or SOC_PART.match(text):
        return False
    current = state.question
    if isinstance(current, BodyDraft) and same_body(current.text, text):
        return False
    named = state.phase == "questions" and body_type(text) is not None
    if not (named or _graded_next(state, text) or _part_follows(state, text)):
        return False
    _open_body(state, text, block.line)
    return True


def _graded_next(state: State[SocDraft], name: str) -> bool:
    """The next block is a grade line, a label grading this body, or a sentence grading it by name."""
    following = state.peek()
    if following is None or following.kind == "item":
        return False
    if report_grade(following.text) is not None:
        return True
    label = SOC_GRADE_LABEL.match(following.text)
    if label is not None:
        return same_body(label["label"], name) or SOC_LABEL_TOPIC.match(label["label"]) is not None
    return stated_of(first_sentence(following.text), name, body_type(name)) is not None


def _part_follows(state: State[SocDraft], name: str) -> bool:
    """A part heading naming this body ("Resources and skills: <name>") follows within a few blocks."""
    for offset in range(1, _PART_REACH + 1):
        following = state.peek(offset)
        if following is None:
            return False
        part = SOC_PART.match(following.text) if following.kind != "item" else None
        if part is not None and same_body(part["body"], name):
            return True
    return False


def _open_body(state: State[SocDraft], name: str, line: int) -> BodyDraft:
    """The body of that name (opened again, or new) becomes the part of the page the rules read into."""
    page = state.page
    body = next((b for b in page.bodies if same_body(b.text, name)), None)
    if body is None:
        body = BodyDraft(number=None, text=name, line=line, type=body_type(name))
        page.bodies.append(body)
    state.question, state.section = body, None
    return body


@accepts(longest=MAX_HEADING, phases=["summary", "questions"])
def soc_body_part(state: State[SocDraft], block: Block) -> bool:
    """A part heading naming a body whose own heading the page does not show ("Resources and skills: Wessex
    Police" after another body's section): that body opens, and the part is its section."""
    found = SOC_PART.match(block.text) if block.kind != "item" else None
    if found is None or not looks_like_heading(state, block):
        return False
    current, named = state.question, found["body"]
    if isinstance(current, BodyDraft) and same_body(current.text, named):
        return False  # a part of the open body: the shared sub-heading rule opens it
    if found["part"].casefold() not in SOC_PARTS and body_type(named) is None:
        return False
    _open_body(state, named, block.line)
    state.open_section(block.text, block.line)
    return True


@accepts(longest=40, after=["soc_body_heading"])
def soc_body_grade(state: State[SocDraft], block: Block) -> bool:
    """A grade alone on its line right after a body's heading: the body's grade line."""
    body = state.question
    value = report_grade(block.text) if block.kind != "item" else None
    if value is None or not isinstance(body, BodyDraft) or body.judgment is not None:
        return False
    body.judgment, body.judgment_source = value, "grade_line"
    return True


@accepts(longest=160, after=["soc_body_heading", "soc_body_grade"])
def soc_body_label(state: State[SocDraft], block: Block) -> bool:
    """A label line right after a body's heading (or grade line), "<Body>: adequate" or "Serious and organised
    crime: adequate": the body's grade (one that differs from its grade line is said)."""
    body = state.question
    found = SOC_GRADE_LABEL.match(block.text) if block.kind != "item" else None
    if found is None or not isinstance(body, BodyDraft):
        return False
    if not (same_body(found["label"], body.text) or SOC_LABEL_TOPIC.match(found["label"])):
        return False
    value = report_grade(found["grade"])
    if body.judgment is None:
        body.judgment, body.judgment_source, body.judgment_evidence = value, "label", block.text
    elif body.judgment != value:
        message = f"body '{body.text}': the grade line says {body.judgment}, the label says {value}"
        state.warn("judgment_disagrees", message, block.line)
    return True


@accepts(longest=MAX_HEADING, phases=["summary", "questions"])
def soc_context_heading(state: State[SocDraft], block: Block) -> bool:
    """A heading of the report's framing opens a context section: any heading before the regional findings,
    and after them an appendix (which ends the last body) or "The ROCU and individual forces"."""
    text, page = block.text, state.page
    if block.kind == "item" or not looks_like_heading(state, block):
        return False
    if state.phase == "questions" and not (SOC_CLOSING_HEADING.match(text) or SOC_BODIES_HEADING.match(text)):
        return False
    section = SectionDraft(text, block.line)
    page.context_sections.append(section)
    state.question, state.section = None, section
    if SOC_ABOUT_REPORT.match(text):
        page.about_report = len(page.context_sections) - 1
    elif not (SOC_REGIONAL_FINDINGS.match(text) or SOC_BODIES_HEADING.match(text)):
        page.about_report = None
    return True


@accepts(after=["list_heading"], continues=["list"], running_text=True)
def soc_cause(state: State[SocDraft], block: Block) -> bool:
    """The line right after a "Cause of concern" heading is the cause, though it is written without a full stop
    (and so looks like a heading in a text page)."""
    area = state.question
    if block.kind == "item" or state.list_kind != "causes_of_concern" or area is None:
        return False
    roots = area.list_roots("causes_of_concern")
    roots.append(Node(block.text, block.line))
    state.tree = Tree(roots)
    return True
