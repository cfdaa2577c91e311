"""Drafting claim rows for a new article, for a person to review.

`clauses` drafts an article: it splits the text into atomic clauses, `cues` finds who each
is attributed to, `context` carries what earlier sentences tell a later one (who "he" is,
whose quotation goes on), `naming` matches source phrases to `sources.csv`, and `guessing`
guesses each clause's claim type and certainty; every word list they read is in `lexicon`,
and so is the one pattern of a person's name. `files` reads and writes the draft files,
`evaluation` scores a draft against curated claims, and `benchmark` scores the drafter on
annotated attributions read from a PolNeAR checkout by `polnear`. `workflow` is what the
`draft` and `evaluate` commands do with an article of the dataset in a folder.
"""
