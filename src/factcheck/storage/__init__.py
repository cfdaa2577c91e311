"""Reading and writing the dataset's files: the one CSV reader, the canonical dialect, records.

Every command reads a table through `reader` (the same decoding and the same located,
fatal problems everywhere) and writes one through `dialect` (canonical bytes, replaced in one
step). Validation reads the dataset's folder through `folders`: in place, or, for a remote
one, through local copies an engine makes. `bundled` says where the dataset released with
the package is, for `load_dataset()`.
"""
