"""Validation: every table against its model, then the dataset rules across tables.

`validate.check_dataset` is the entry point. `loading` loads the tables into an engine
(`engines`: DuckDB by default, Spark for clusters) and `texts` the article texts; `rules`
holds every rule as a query the engine runs, and `collector` gathers what they find.
"""
