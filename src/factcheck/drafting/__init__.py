"""Drafting claim rows for a new article, for a person to review.

`clauses` splits the text into atomic clauses, `cues` finds who each is attributed to,
`naming` matches source phrases to `sources.csv`, `files` reads and writes the draft files,
and `evaluation` scores a draft against curated claims.
"""
