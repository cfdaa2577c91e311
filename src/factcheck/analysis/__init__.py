"""Analyses of a loaded dataset and the figures that show them.

`voices` (whose voice each span is in), `chains` (how information travels between
sources), `timeline` (when the dated events happened), `coverage` (which sentences claims
cover), `summary` (the terminal report), `palette` (colours, defined once) and `figures`.
"""
