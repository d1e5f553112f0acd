"""Area names merged by their normalised form, so one area written two ways is one column.

Two names are one area when they are equal once case, punctuation, hyphens and "&" are set aside
("Preventing crime and anti-social behaviour" = "Preventing crime and antisocial behaviour"), or
when one is the other's first part before "and", and no other name also starts with it
("Managing offenders" = "Managing offenders and suspects"). Each merged area is shown by its
longest name, as it is most often written; the page lists every merge.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..vocab import ALL_PILLARS
from ..vocab.reports import REPORT_AREAS

_WORD = re.compile(r"[^\W_]+")


def area_key(name: str) -> str:
    """The normalised name: lower-case words, hyphens joined, "&" read as "and"."""
    text = name.casefold().replace("&", " and ").replace("-", "")
    return " ".join(_WORD.findall(text))


def merged_names(counts: Counter[str]) -> dict[str, str]:
    """Each area name (with how often it is written) -> the name its merged area is shown by."""
    keys = {area_key(name) for name in counts}
    longer = {key: _longer(key, keys) for key in keys}
    spellings: dict[str, Counter[str]] = {}
    for name, count in counts.items():
        key = area_key(name)
        spellings.setdefault(longer[key] or key, Counter())[name] += count
    shown = {key: _shown(names) for key, names in spellings.items()}
    return {name: shown[longer[area_key(name)] or area_key(name)] for name in counts}


def _longer(key: str, keys: set[str]) -> str | None:
    """The one other name that starts with ``key`` followed by "and", if exactly one does."""
    found = [other for other in keys if other.startswith(key + " and ")]
    return found[0] if len(found) == 1 else None


def _shown(names: Counter[str]) -> str:
    """The longest name, as most often written (then the first in alphabetical order)."""
    return min(names, key=lambda name: (-len(area_key(name)), -names[name], name))


def merges(shown: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(the name shown, [the other names merged into it]), for each area shown by more than one name."""
    groups: dict[str, list[str]] = {}
    for name, display in shown.items():
        if name != display:
            groups.setdefault(display, []).append(name)
    return sorted((display, sorted(names)) for display, names in groups.items())


_AREA_ORDER = {area_key(area): number for number, area in enumerate(REPORT_AREAS)}


def part_order(part: str, is_area: bool) -> tuple[int, int, str]:
    """Pillars in their usual order, then areas in HMICFRS's order (unknown ones after, by name)."""
    if not is_area:
        return (0, ALL_PILLARS.index(part) if part in ALL_PILLARS else len(ALL_PILLARS), part)
    return (1, _AREA_ORDER.get(area_key(part), len(_AREA_ORDER)), part)


def ordered(parts: Iterable[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """(part, is_area) pairs in `part_order`, each once."""
    return sorted(set(parts), key=lambda part: part_order(*part))
