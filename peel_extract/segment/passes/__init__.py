"""Passes over the whole page, before and after the rules: the pre-pass drops site chrome; the post-passes read what
only the whole page shows (grades stated in prose, names, rounds and counts, a cut-off end) and say what it lacks.

A page kind's ``finish`` runs its post-passes in order, once the rules have taken every block.
"""
