"""Chronique: a static news digest. Raw articles in seeds/ -> Markdown pages with
metadata in docs/ -> a MkDocs Material site.

The stages, in order: read -> extract -> collect -> write (see pipeline.build)."""

__version__ = "0.1.0"

# Bump when extraction changes what it produces: cached extractions are then redone.
EXTRACTOR_VERSION = "1"
