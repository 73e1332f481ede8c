"""Readers: text, HTML, feeds, JSON Lines, WARC, files, folders and URLs -> Documents; exact and near duplicates.

``from sitrep import ingest`` is the library's one-call pipeline, not this package: see ``sitrep/__init__.py``,
which makes this module callable so that the documented call works whatever was imported first.
"""
