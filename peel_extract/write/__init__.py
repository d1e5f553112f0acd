"""Write stage: records and tables to files, each output checked before any work and replaced atomically.

``files``: records as deterministic JSON, the analysis tables as CSV and SQLite; ``jsonl``: the JSON
lines a batch appends to, and the reader of record files; ``outputs``: a command's output paths checked
(writable, not an input, not named twice) before it starts.
Nothing is imported here, so each command loads only the writer it needs.
"""
