"""Validation: every table against its schema, then the dataset rules across tables.

`validate.check_dataset` is the entry point; `table` holds one table to its pandera schema
and dialect, `rules` the rules that need several tables or the article texts (run on the
`context` of what was read), `blockwise` reads large tables in blocks, and `keys` keeps keys
compact at scale.
"""
