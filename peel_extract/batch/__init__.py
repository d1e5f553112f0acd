"""Batch stage: many pages converted in parallel processes, written in input order, resumable.

``run``: the batch (outputs checked and locked, inputs walked, duplicates, resume, the summary);
``pool``: ordered parallel conversion in worker processes; ``outcome``: one page's record or error;
``process``: settings of the processes peel-extract runs itself (signals, garbage collection).
Nothing is imported here, so the command line can use ``process`` without loading the pipeline.
"""
