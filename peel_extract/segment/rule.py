"""What each rule can accept, declared with the rule, so each block meets only the rules that can take it.

Most blocks are long paragraphs of findings; no title, date, grade line or question is that
long, so a long paragraph skips those rules. The chains are built once, from the declarations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..blocks import Block
from .state import State

Rule = Callable[[State, Block], bool]
BlockClass = Literal["item", "short", "long"]


@dataclass(frozen=True, slots=True)
class Accepts:
    """The blocks a rule can take: list items or not, and the longest text (None: any length)."""

    items: bool = False
    longest: int | None = None


_ACCEPTS: dict[Rule, Accepts] = {}


def accepts(*, items: bool = False, longest: int | None = None) -> Callable[[Rule], Rule]:
    """Declare what a rule can take (a rule that changes state for any block must say items=True)."""

    def register(rule: Rule) -> Rule:
        _ACCEPTS[rule] = Accepts(items, longest)
        return rule

    return register


def chains(rules: tuple[Rule, ...]) -> tuple[dict[BlockClass, tuple[Rule, ...]], int]:
    """The rules each class of block meets, in order, and the length past which a block is long."""
    limits = [a.longest for r in rules if (a := _ACCEPTS.get(r, Accepts())).longest is not None]
    long_after = max(limits, default=0)
    table: dict[BlockClass, tuple[Rule, ...]] = {
        "item": tuple(r for r in rules if _ACCEPTS.get(r, Accepts()).items),
        "short": rules,
        "long": tuple(r for r in rules if _ACCEPTS.get(r, Accepts()).longest is None),
    }
    return table, long_after


def block_class(block: Block, long_after: int) -> BlockClass:
    """Items; headings and short lines (every rule may take them); long paragraphs."""
    if block.kind == "item":
        return "item"
    return "long" if block.kind != "heading" and len(block.text) > long_after else "short"
