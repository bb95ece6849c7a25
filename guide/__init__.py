"""The guide's data layer: load, validate and model the facts (no Jinja, no MkDocs)."""
