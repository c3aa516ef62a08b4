"""RSS 2.0 and JSON Feed 1.1, dated by the articles' own dates (never the build's)."""

from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from .collect import Entry
from .text import clean


def _published(entry: Entry) -> dt.datetime:
    """An article's date as a timestamp: midnight UTC of its (first) day."""
    return dt.datetime.combine(entry.article.date.value, dt.time(0, 0), tzinfo=dt.timezone.utc)


def _page_url(entry: Entry, base: str) -> str:
    return base + entry.url


def rss_feed(entries: list[Entry], info, title: str, path: str, items: dict[str, str] | None = None) -> str:
    """An RSS 2.0 feed of these entries. `items`: each article's <item> already written (by id),
    shared by every feed of a build: an article is in its topics', people's, places'… feeds,
    and is written once (rss_item) however many feeds hold it."""
    items = {} if items is None else items
    rss = ET.Element("rss", version="2.0", attrib={"xmlns:atom": "http://www.w3.org/2005/Atom"})
    channel = ET.SubElement(rss, "channel")
    # a feed's title holds an entity's name: XML 1.0 has no place for a control character
    ET.SubElement(channel, "title").text = clean(f"{info.name} — {title}")
    ET.SubElement(channel, "link").text = info.url
    ET.SubElement(channel, "description").text = info.description or title
    ET.SubElement(channel, "language").text = "fr"
    ET.SubElement(channel, "atom:link", href=info.url + path, rel="self", type="application/rss+xml")
    if entries:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(max(_published(e) for e in entries))
    ET.indent(rss)
    head, end = ET.tostring(rss, encoding="unicode").rsplit("\n  </channel>", 1)
    for entry in entries:
        if entry.article.id not in items:
            items[entry.article.id] = rss_item(entry, info.url)
    body = "".join(f"\n    {items[e.article.id]}" for e in entries)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + head + body + "\n  </channel>" + end + "\n"


def rss_item(entry: Entry, base: str) -> str:
    """One article's <item>, indented as the third level of a feed (rss > channel > item). Its
    guid is the article's id, its file name (chronique/urls.py): it never changes."""
    item = ET.Element("item")
    ET.SubElement(item, "title").text = entry.article.title
    ET.SubElement(item, "link").text = _page_url(entry, base)
    ET.SubElement(item, "guid", isPermaLink="false").text = f"chronique:{entry.article.id}"
    ET.SubElement(item, "pubDate").text = format_datetime(_published(entry))
    # a feed reader reads <description> as HTML: the summary goes in as escaped text
    ET.SubElement(item, "description").text = html.escape(entry.article.summary, quote=False)
    for tag in entry.article.tags:
        ET.SubElement(item, "category").text = tag
    ET.indent(item, level=2)
    return ET.tostring(item, encoding="unicode")


def json_feed(entries: list[Entry], info, title: str, path: str) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{info.name} — {title}",
        "home_page_url": info.url,
        "feed_url": info.url + path,
        "language": "fr",
        "items": [
            {
                "id": f"chronique:{e.article.id}",
                "url": _page_url(e, info.url),
                "title": e.article.title,
                "summary": e.article.summary,
                "content_text": e.article.summary,
                "date_published": _published(e).isoformat(),
                "tags": list(e.article.tags),
            }
            for e in entries
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
