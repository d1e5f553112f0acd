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
    """The rules each block meets in one phase, right after a given rule took the block before, in order: items,
    headings, and paragraphs (and rows) by their length."""

    items: tuple[Rule, ...]
    headings: tuple[Rule, ...]
    by_length: tuple[tuple[Rule, ...], ...]
    """The chain of a paragraph of each length, up to the longest any rule declares."""
    longer: tuple[Rule, ...]
    """The chain of a paragraph longer than every rule's ``longest``."""

    def rules_for(self, block: Block) -> tuple[Rule, ...]:
        """The rules this block can meet (the driver does the same in its loop)."""
        if block.kind == "item":
            return self.items
        if block.kind == "heading":
            return self.headings
        length = len(block.text)
        return self.by_length[length] if length < len(self.by_length) else self.longer


class Chains:
    """A rule list's tables: one per phase and rule that took the block before (a rule declared ``after`` others
    is left out of the tables of every other rule), each built when a page first needs it."""

    __slots__ = ("_full", "_rules", "tables")

    def __init__(self, rules: tuple[Rule, ...], full: bool = False) -> None:
        self._rules = rules
        self._full = full
        self.tables: dict[Phase, dict[str, Table]] = {phase: {} for phase in PHASES}
        """The tables built so far, by phase and by the name of the rule that took the block before."""

    def table(self, phase: Phase, last_rule: str) -> Table:
        """The table of a block in that phase, right after ``last_rule`` took the block before."""
        built = self.tables[phase].get(last_rule)
        if built is None:
            rules = self._rules
            if self._full:
                built = Table(items=rules, headings=rules, by_length=(), longer=rules)
            else:
                built = _table(rules, phase, last_rule)
            self.tables[phase][last_rule] = built
        return built


def chains(rules: tuple[Rule, ...]) -> Chains:
    """The tables of a rule list, from each rule's declaration."""
    return Chains(rules)


def full_chains(rules: tuple[Rule, ...]) -> Chains:
    """Every rule for every block (what the declarations must not change: a test compares the two)."""
    return Chains(rules, full=True)


def _table(rules: tuple[Rule, ...], phase: Phase, last_rule: str) -> Table:
    declared = [
        (r, d)
        for r in rules
        if ((d := declaration(r.__name__)).phases is None or phase in d.phases)
        and (d.after is None or last_rule in d.after)
    ]
    paragraphs = [(r, d) for r, d in declared if d.paragraphs]
    bounds = sorted({d.longest for _, d in paragraphs if d.longest is not None})
    by_length = tuple(
        tuple(r for r, d in paragraphs if d.longest is None or d.longest >= length)
        for length in range(bounds[-1] + 1 if bounds else 0)
    )
    return Table(
        items=tuple(r for r, d in declared if d.items),
        headings=tuple(r for r, _ in declared),
        by_length=_shared(by_length),
        longer=tuple(r for r, d in paragraphs if d.longest is None),
    )


def _shared(chains: tuple[tuple[Rule, ...], ...]) -> tuple[tuple[Rule, ...], ...]:
    """The same chains, equal ones one object (a table holds a chain per length, of a few distinct ones)."""
    seen: dict[tuple[Rule, ...], tuple[Rule, ...]] = {}
    return tuple(seen.setdefault(chain, chain) for chain in chains)
