"""``python -m peel_extract``."""

from .cli import main

main()
