"""Articles as the extraction hands them to collect, for tests of the corpus stages and the
pages: every field has a plain default, and a test gives only the fields it is about."""

from __future__ import annotations

import datetime as dt

from chronique.model import DAY, TEXT, Article, ArticleDate


def an_article(article_id: str, **fields) -> Article:
    """An article dated 1 March 2025 (day, from a header), with no names, text or source."""
    defaults = dict(
        id=article_id,
        seed=f"{article_id}.txt",
        digest=article_id,
        title=f"Titre {article_id}",
        title_source=TEXT,
        date=ArticleDate(dt.date(2025, 3, 1), DAY, "header", ""),
        source=None,
        source_url=None,
        people=(),
        organizations=(),
        places=(),
        tags=(),
        photos=(),
        related=(),
        figures=(),
        events=(),
        summary="",
        words=0,
        blocks=(),
    )
    return Article(**{**defaults, **fields})
