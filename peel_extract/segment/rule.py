"""What each rule can accept, declared with the rule, so each block meets only the rules that can take it.

Most blocks are long paragraphs of findings; no title, date, grade line or question is that
long, so a long paragraph skips those rules. The chains are built once, from the declarations.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from ..blocks import Block
from .state import State

Rule = Callable[[State, Block], bool]


@dataclass(frozen=True, slots=True)
class Accepts:
    """The blocks a rule can take: list items or not, and the longest paragraph (None: any length)."""

    items: bool = False
    longest: int | None = None


_ACCEPTS: dict[Rule, Accepts] = {}


def accepts(*, items: bool = False, longest: int | None = None) -> Callable[[Rule], Rule]:
    """Declare what a rule can take: list items (``items``), and paragraphs up to ``longest`` characters.

    HTML headings meet every rule whatever their length; a rule that changes state for any
    block must take every block it may see.
    """

    def register(rule: Rule) -> Rule:
        _ACCEPTS[rule] = Accepts(items, longest)
        return rule

    return register


@dataclass(frozen=True, slots=True)
class Chains:
    """The rules each block meets, in order: items, headings, and paragraphs by length band."""

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


def chains(rules: tuple[Rule, ...]) -> Chains:
    """The chains of a rule list, from each rule's declaration."""
    declared = [(rule, _ACCEPTS.get(rule, Accepts())) for rule in rules]
    bounds = tuple(sorted({a.longest for _, a in declared if a.longest is not None}))
    bands = tuple(tuple(rule for rule, a in declared if a.longest is None or a.longest >= bound) for bound in bounds)
    longer = tuple(rule for rule, a in declared if a.longest is None)
    return Chains(
        items=tuple(rule for rule, a in declared if a.items),
        headings=rules,
        bounds=bounds,
        bands=(*bands, longer),
    )
