"""The rule contract: what each rule declares, and the chains built from the declarations.

A rule is a function ``(state, block) -> bool``: True when it took the block, False ("not mine") before it
changed anything (a test holds every rule to that over every fixture page). Declared with the rule:

- the blocks it can take (``items``, ``paragraphs`` up to ``longest`` characters, in ``phases``), so each
  block meets only the rules that can take it (most blocks are long paragraphs of findings, which no
  title, date, grade line or question is); HTML headings meet every rule of their phase;
- ``after``: the rules whose block it must directly follow (a grade line follows a date, a headline or a
  question), checked before the rule runs;
- ``continues``: what a block it takes leaves open. The driver ends every open thing a rule does not
  continue: the ``header`` (a pillar's top, between its title and headline), a ``list`` (its bullets),
  a piece of ``practice``, the judgments ``table`` being read, a list's ``intro`` (the paragraph before);
- ``running_text``: its block is running text, so a page that ends in one may be cut mid-sentence.

The phase a block moves the page to is not set by rules: it is in one table, ``phases.ENTERS``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Literal, get_args

from ..blocks import Block
from .phases import Phase
from .state import State

Rule = Callable[[State[Any], Block], bool]
Open = Literal["header", "list", "practice", "table", "intro"]
"""What a block may leave open for the next one (see ``continues``)."""
OPENS: tuple[Open, ...] = get_args(Open)


@dataclass(frozen=True, slots=True)
class Declaration:
    """What a rule declares (see the module's docstring)."""

    items: bool = False
    paragraphs: bool = True
    longest: int | None = None
    phases: frozenset[Phase] | None = None
    after: frozenset[str] | None = None
    continues: frozenset[Open] = frozenset()
    running_text: bool = False


_DECLARED: dict[str, Declaration] = {}
PHASES: tuple[Phase, ...] = get_args(Phase)


def accepts(
    *,
    items: bool = False,
    paragraphs: bool = True,
    longest: int | None = None,
    phases: Iterable[Phase] | None = None,
    after: Iterable[str] | None = None,
    continues: Iterable[Open] = (),
    running_text: bool = False,
) -> Callable[[Rule], Rule]:
    """Declare a rule: it takes list items (``items``), paragraphs (``paragraphs``, up to ``longest``
    characters; ``paragraphs=False`` with no ``items``: headings only), in the given ``phases`` of the page;
    only right ``after`` one of the named rules took the block before; ``continues`` what it leaves open;
    its block is ``running_text``.

    A rule still checks what it needs: the declaration only spares the calls that would return False.
    """
    if longest is not None and not paragraphs:
        raise ValueError("a rule that takes no paragraphs has no longest paragraph")
    declared = Declaration(
        items,
        paragraphs,
        longest,
        frozenset(phases) if phases is not None else None,
        frozenset(after) if after is not None else None,
        frozenset(continues),
        running_text,
    )

    def register(rule: Rule) -> Rule:
        if rule.__name__ in _DECLARED:
            raise ValueError(f"two rules are named {rule.__name__}")
        _DECLARED[rule.__name__] = declared
        return rule if declared.after is None else _gated(rule, declared.after)

    return register


def _gated(rule: Rule, after: frozenset[str]) -> Rule:
    """The rule, run only when the block before was taken by one of the rules ``after`` names."""

    @wraps(rule)
    def gated(state: State[Any], block: Block) -> bool:
        return state.last_rule in after and rule(state, block)

    return gated


def declaration(name: str) -> Declaration:
    """What the rule of that name declares (a rule declares nothing: it takes anything, continues nothing)."""
    return _DECLARED.get(name, Declaration())


def declared_names() -> frozenset[str]:
    """The names of every declared rule."""
    return frozenset(_DECLARED)


@dataclass(frozen=True, slots=True)
class Table:
    """The rules each block meets in one phase, in order: items, headings, and paragraphs by length band."""

    items: tuple[Rule, ...]
    headings: tuple[Rule, ...]
    bounds: tuple[int, ...]
    """The rules' distinct ``longest`` values, ascending: band i holds paragraphs up to bounds[i]."""
    bands: tuple[tuple[Rule, ...], ...]
    """One chain per band, and a last one for paragraphs longer than every bound."""

    def rules_for(self, block: Block) -> tuple[Rule, ...]:
        """The rules this block can meet."""
        if block.kind == "item":
            return self.items
        if block.kind == "heading":
            return self.headings
        return self.bands[bisect_left(self.bounds, len(block.text))]


Chains = dict[Phase, Table]
"""A rule list's table for each phase of a page."""


def chains(rules: tuple[Rule, ...]) -> Chains:
    """The tables of a rule list, one per phase, from each rule's declaration."""
    return {phase: _table(rules, phase) for phase in PHASES}


def full_chains(rules: tuple[Rule, ...]) -> Chains:
    """Every rule for every block (what the declarations must not change: a test compares the two)."""
    table = Table(items=rules, headings=rules, bounds=(), bands=(rules,))
    return dict.fromkeys(PHASES, table)


def _table(rules: tuple[Rule, ...], phase: Phase) -> Table:
    declared = [(r, d) for r in rules if (d := declaration(r.__name__)).phases is None or phase in d.phases]
    paragraphs = [(r, d) for r, d in declared if d.paragraphs]
    bounds = tuple(sorted({d.longest for _, d in paragraphs if d.longest is not None}))
    bands = tuple(tuple(r for r, d in paragraphs if d.longest is None or d.longest >= bound) for bound in bounds)
    longer = tuple(r for r, d in paragraphs if d.longest is None)
    return Table(
        items=tuple(r for r, d in declared if d.items),
        headings=tuple(r for r, _ in declared),
        bounds=bounds,
        bands=(*bands, longer),
    )
