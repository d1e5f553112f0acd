"""The rule contract (segment/rule.py), checked on every fixture page and every page of the rule case files: a rule
that returns False ("not mine") has changed nothing; every rule is declared, and the declarations name real rules."""

from __future__ import annotations

import contextlib
import pickle
from collections import Counter
from collections.abc import Iterator
from functools import wraps
from typing import Any

import pytest

from peel_extract import PeelError, extract_file, extract_page
from peel_extract import segment as segmentation
from peel_extract.blocks import Block
from peel_extract.kinds import KINDS
from peel_extract.segment.phases import ENTERS
from peel_extract.segment.rule import Rule, declaration, declared_names, full_chains
from peel_extract.segment.state import State

from .conftest import ROOT, fixture_inputs
from .test_blocks import load_cases
from .test_rules import CASES

_KIND_CASES = [case[1] for name in ("vetting.txt", "nho.txt") for case in load_cases(name)]
"""The rule cases of kinds tested in their own files (their expectations read there), as pages."""

_ALL_RULES = {rule.__name__: rule for kind in KINDS for rule in kind.RULES}


def _snapshot(state: State[Any]) -> bytes:
    """Everything a rule may change: the state's fields (but the blocks and the kind) and the page draft."""
    fields = {name: getattr(state, name) for name in State.__slots__ if name not in ("blocks", "kind")}
    return pickle.dumps(fields)


def _checked(rule: Rule, verdicts: Counter[tuple[str, bool]]) -> Rule:
    @wraps(rule)
    def check(state: State[Any], block: Block) -> bool:
        before = _snapshot(state)
        took = rule(state, block)
        verdicts[rule.__name__, took] += 1
        if not took:
            assert _snapshot(state) == before, f"{rule.__name__} returned False after changing the state at {block}"
        return took

    return check


@pytest.fixture(scope="module")
def verdicts() -> Iterator[Counter[tuple[str, bool]]]:
    """How often each rule took or left a block, every rule meeting every block of every page."""
    counts: Counter[tuple[str, bool]] = Counter()
    checked = {kind.RULES: full_chains(tuple(_checked(rule, counts) for rule in kind.RULES)) for kind in KINDS}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segmentation, "_chains_of", checked.__getitem__)
        for page in fixture_inputs():
            with contextlib.suppress(PeelError):  # a page that is none of the kinds
                extract_file(ROOT / page)
        for case in CASES:
            extract_page(case.values[1].encode("utf-8"), "case.txt")
        for page in _KIND_CASES:
            extract_page(page.encode("utf-8"), "case.txt")
    yield counts


def test_a_rule_that_returns_false_changes_nothing(verdicts: Counter[tuple[str, bool]]) -> None:
    left = {name for name, took in verdicts if not took}
    assert left == set(_ALL_RULES) - {"prose"}  # every rule but the catch-all has left a block, untouched


def test_every_rule_takes_blocks(verdicts: Counter[tuple[str, bool]]) -> None:
    assert {name for name, took in verdicts if took} == set(_ALL_RULES)


def test_every_rule_is_declared_and_declarations_name_rules() -> None:
    assert set(_ALL_RULES) <= declared_names()
    named = {name for rule in _ALL_RULES for name in declaration(rule).after or ()}
    assert named | set(ENTERS) <= set(_ALL_RULES)
