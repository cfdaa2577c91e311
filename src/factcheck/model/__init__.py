"""What the dataset is: its vocabularies, notations and table schemas.

Nothing here reads or writes a dataset's files. `schemas` holds one pandera model per table
(the schema of record), `tables` the tables with their keys and references, `cells` what a
single cell may hold, `vocabularies` every closed list of values, `notation` the attribution
chain notation, `when` the date notation, `segment` how a text divides into paragraphs and
sentences, `names` how source names compare, `spreadsheets` what spreadsheets write in cells
and what it means, `card` what the dataset says about itself (licences per group of files,
uses, limitations, biases, citation), read from `card.yaml` beside it.
"""
