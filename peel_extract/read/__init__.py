"""Read stage: saved pages as users hold them -> ``Source`` (a page's name and bytes, or a page to read later).

``page``: a page file, stdin or bytes in memory (gunzipped, an MHTML file's page taken out: ``mhtml``);
``inputs``: a batch's inputs in order (files, folders, archives); ``archives``, ``warc``, ``zipnames``,
``members``: zip, tar and WARC files read member by member in memory, never extracted.
"""

from .page import (
    STDIN,
    Source,
    escape_name,
    escape_surrogates,
    from_bytes,
    is_page_name,
    read_failure,
    read_page,
    source_label,
    too_large,
)

__all__ = [
    "STDIN",
    "Source",
    "escape_name",
    "escape_surrogates",
    "from_bytes",
    "is_page_name",
    "read_failure",
    "read_page",
    "source_label",
    "too_large",
]
