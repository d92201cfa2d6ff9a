"""``tracker export``: the evaluated dataset as tables for other tools (SPEC §5.1).

- :mod:`~tracker.render.export.fields`: what a table is made of (fields, types, keys, cells);
- :mod:`~tracker.render.export.tables`: the five tables, their declaration and their rows
  (``evaluation`` in :mod:`~tracker.render.export.evaluation`, from the status record builder);
- :mod:`~tracker.render.export.formats`: CSV, ``datapackage.json``, SQLite with its full-text
  index, and Parquet;
- :mod:`~tracker.render.export.provenance`: what the package says about itself;
- :mod:`~tracker.render.export.directory`: writing the files into place, all or nothing.
"""
