"""What pages say in sentences (2014-2021/22): inspection statements, grades stated in prose and previous grades."""

from __future__ import annotations

import re

# "our judgment from the 2017 legitimacy inspection has been carried over" (2018/19), also spelt "judgement".
CARRIED_OVER = re.compile(
    r"\bjudge?ment from (?:the |our )?(?P<year>(?:19|20)[0-9][0-9])(?:/[0-9][0-9])?\b[^.]*?\bcarried over",
    re.IGNORECASE,
)
# "The grade and findings from last year's inspection still stand." (2016-2017).
LAST_YEAR_STANDS = re.compile(
    r"\bfrom last year[’']s inspection (?:still stand|ha(?:s|ve) been carried over)", re.IGNORECASE
)
# Words one of these statements holds (a cheap check before the patterns).
STATEMENT_WORDS = ("inspect", "carried over", "still stand")
# Statements that a question was not inspected this year (2015-2018/19): "This question has not
# been inspected or graded in 2015.", "This question was not inspected in 2017.", "... was not
# subject to detailed inspection in 2018/19 ...".
NOT_INSPECTED = re.compile(
    r"\b(?:has not been inspected(?: or graded)?|was not inspected"
    r"|(?:was )?not (?:been )?subject to (?:detailed )?inspection)\b",
    re.IGNORECASE,
)

# Grades stated in prose (2014-2018/19), kept apart from grade lines.
_PROSE_GRADE = (
    r"(?P<grade>outstanding|good|adequate|inadequate|requires? improvement|requiring improvement"
    r"|not yet graded|to be graded)"
)
# "The extent to which the force is efficient at keeping people safe ... is good." / "...: not yet
# graded." / "... legitimately requires improvement." (overviews 2015-2018/19); also as the items of a
# list after "... and we found:" (2018/19), which may end "is good;" or "is good; and".
EXTENT_SENTENCE = re.compile(
    r"^(?:In [0-9]{4}, )?the extent to which\b.*?(?:\s+is:?|:)?\s+" + _PROSE_GRADE + r"(?:\.|;(?: and)?)?$",
    re.IGNORECASE,
)
# "Cumbria Constabulary is good in the way it treats ...", "X Police requires improvement at ...",
# "... is judged to be good at ...", "... has been assessed as good in respect of ..." (2014-2018/19).
# Fire and rescue (2018/19-2021/22): "Cornwall Fire and Rescue Service’s overall effectiveness requires
# improvement.", "Overall, Essex Fire and Rescue Service requires improvement at looking after its people."
# A name may hold "&" ("Dorset & Wiltshire Fire and Rescue Service is good at ...").
GRADE_SENTENCE = re.compile(
    r"^(?:Overall,? |We found that |In summary,? )?(?:The |the )?"
    r"[A-Z][\w’'.-]*(?: (?:and |of |the |& )?[A-Z][\w’'.-]*)*"
    r"(?: Police| Constabulary| Police Service| Police Force| force| constabulary)?"
    r"(?:[’']s overall [a-z]+)?\s+"
    r"(?:is |has been assessed as |is judged to be |is judged as |is judged to |was judged to be )?"
    + _PROSE_GRADE
    + r"\b(?! (?:and|or)\b)",
)
# Any grade said in a 2014 overview's prose list ("... the force is good at ...; it requires improvement ...").
GRADE_WORD_IN_PROSE = re.compile(
    r"\b(?:is|are|be|as)\s+(?P<grade>outstanding|good|inadequate|adequate)\b|\b(?P<ri>requires? improvement)\b",
    re.IGNORECASE,
)

# The previous round's grade (fire and rescue 2021/22): "Kent Fire and Rescue Service was good in its
# 2018/19 assessment" (with or without a full stop), "... required improvement in its 2018/19 assessment."
PREVIOUS_GRADE = re.compile(
    r"\b(?:was (?P<grade>outstanding|good|adequate|inadequate)|(?P<ri>required improvement))"
    r" in its (?P<year>20[0-9][0-9])[/–-](?P<end>[0-9][0-9]) (?:assessment|inspection)\b\.?",
    re.IGNORECASE,
)
