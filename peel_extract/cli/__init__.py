"""The command line: thin typer commands over the library API (``app``), the ``batch`` command
(``batch``), and the options and messages they share (``options``)."""

from .app import app, main

__all__ = ["app", "main"]
