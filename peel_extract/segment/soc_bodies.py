"""What names a graded body of a serious and organised crime report, and what states its grade: a grade sentence
counts only when its subject is that body ("Wessex Police is good at tackling serious and organised crime."), or,
in the body's own section, "the force" or "the ROCU" it is about."""

from __future__ import annotations

import re
from typing import Literal

from ..vocab import (
    SOC_BODY_NAME,
    SOC_FORCE,
    SOC_FORCE_SUBJECTS,
    SOC_GRADE_SENTENCE,
    SOC_GRADED_AS,
    SOC_ROCU_SUBJECTS,
    SOC_ROCU_WORDS,
    SOC_TOPIC,
    prose_grade,
)

BodyType = Literal["rocu", "force"]
_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Za-z]{2,12})\)$")


def body_type(name: str) -> BodyType | None:
    """A body's type by its name: a force's full name, or a unit's; None when its name shows neither."""
    if SOC_FORCE.match(name):
        return "force"
    return "rocu" if SOC_BODY_NAME.match(name) and SOC_ROCU_WORDS.search(name) else None


def same_body(name: str, other: str) -> bool:
    """Whether two writings name one body ("The Wessex ROCU" and "Wessex ROCU", case aside)."""
    return _folded(name) == _folded(other)


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold().removeprefix("the ")


def names_body(subject: str, name: str, kind: BodyType | None, generic: bool) -> bool:
    """Whether a sentence's subject is the body: its name (with or without its bracketed acronym), the acronym
    alone, or (``generic``: in the body's own section) "the force" of a force, "the ROCU" of a unit."""
    acronym = _ACRONYM.search(name)
    names = {_folded(name)}
    if acronym is not None:
        names |= {_folded(name[: acronym.start()]), _folded(acronym["acronym"])}
    if _folded(subject) in names:
        return True
    generic_subjects = SOC_FORCE_SUBJECTS if kind == "force" else SOC_ROCU_SUBJECTS if kind == "rocu" else ()
    return generic and " ".join(subject.split()).casefold() in generic_subjects


def stated_grade(sentence: str) -> tuple[str, str] | None:
    """(subject, grade) of a sentence grading something at tackling serious and organised crime, or stating
    that it "has been graded as" a grade; None for any other sentence."""
    found = SOC_GRADE_SENTENCE.match(sentence)
    if found is not None and SOC_TOPIC.search(found["what"]):
        return found["subject"], prose_grade(found["grade"] or found["ri"])
    graded = SOC_GRADED_AS.match(sentence)
    if graded is not None:
        return graded["subject"], prose_grade(graded["grade"])
    return None


def stated_of(sentence: str, name: str, kind: BodyType | None, generic: bool = True) -> str | None:
    """The grade the sentence states of this body; None when it states none, or states one of anything else."""
    stated = stated_grade(sentence)
    if stated is None or not names_body(stated[0], name, kind, generic):
        return None
    return stated[1]
