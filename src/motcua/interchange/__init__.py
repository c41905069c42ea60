"""Import and export of the province data package (../shared/domain/interchange.md).

``importer.package_import`` and ``exporter.package_export`` (commands ``motcua import`` and
``motcua export``) work file by file through the handlers in ``handlers.REGISTRY``; each
handler (``spec.FileHandler``) declares its columns with their cell parsers
(``parsing``), its key, its cross-cell rules, how it writes and how it exports. Supporting a
new file of the format is one new handler, inserted after the files it refers to.

Dossier history (``history``: dossiers.csv, supplements.csv) is written in bulk (COPY and one
merge on PostgreSQL); the keys of large files are indexed on disk (``keys``) so that
validating a province's history runs in flat memory.
"""
