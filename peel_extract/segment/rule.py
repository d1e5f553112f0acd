"""What each rule can accept, declared with the rule, so each block meets only the rules that can take it.

Most blocks are long paragraphs of findings; no title, date, grade line or question is that
long, so a long paragraph skips those rules. The chains are built once, from the declarations.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import get_args

from ..blocks import Block
from .state import Phase, State

Rule = Callable[[State, Block], bool]


@dataclass(frozen=True, slots=True)
class Accepts:
    """The blocks a rule can take: list items or not, the longest paragraph (None: any length), and
    the phases of the page it can take them in (None: any)."""

    items: bool = False
    longest: int | None = None
    phases: frozenset[Phase] | None = None


_ACCEPTS: dict[Rule, Accepts] = {}
PHASES: tuple[Phase, ...] = get_args(Phase)


def accepts(
    *, items: bool = False, longest: int | None = None, phases: Iterable[Phase] | None = None
) -> Callable[[Rule], Rule]:
    """Declare what a rule can take: list items (``items``), paragraphs up to ``longest`` characters,
    in the given ``phases`` of the page.

    HTML headings meet every rule of their phase whatever their length; a rule that changes state
    for any block must take every block it may see. A rule still checks what it needs: the
    declaration only spares the calls that would return False.
    """

    def register(rule: Rule) -> Rule:
        _ACCEPTS[rule] = Accepts(items, longest, frozenset(phases) if phases is not None else None)
        return rule

    return register


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
    declared = [(r, a) for r in rules if (a := _ACCEPTS.get(r, Accepts())).phases is None or phase in a.phases]
    bounds = tuple(sorted({a.longest for _, a in declared if a.longest is not None}))
    bands = tuple(tuple(r for r, a in declared if a.longest is None or a.longest >= bound) for bound in bounds)
    longer = tuple(r for r, a in declared if a.longest is None)
    return Table(
        items=tuple(r for r, a in declared if a.items),
        headings=tuple(r for r, _ in declared),
        bounds=bounds,
        bands=(*bands, longer),
    )
