"""Everything that writes the dataset: each change is staged and validated before it is made.

`staging` validates the dataset as it would be, in a scratch folder; `formatting` rewrites
files into the canonical dialect; `add_article`, `merge` and `xlsx_import` bring new data in.
Nothing is written unless the whole dataset then validates.
"""
