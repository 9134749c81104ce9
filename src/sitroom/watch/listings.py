"""What a source lists: the items of an RSS/Atom feed, a news sitemap or a listing page.

    kind = sniff_kind(body, content_type)        # "feed", "sitemap", "listing" or None
    listing = read_listing(kind, body, url)      # Listing(items, children), or FetchError

Every item carries a canonical URL (`urls.canonical`) and whatever the source says about
it (title, publication date, outlet), which the article page may complete. A body that
is none of the three, or is broken past recovery, is a `FetchError` (not transient: the
same bytes will not parse better later; the source is still polled again).
"""
from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from courlan import filters as courlan_filters
from lxml import etree
from lxml import html as lxml_html

from ..errors import FetchError
from ..intake import normalise_date
from .urls import canonical

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# A sitemap index lists sitemaps, often one per day or month: the most recently modified
# few hold the news; older ones are archives the watch has no reason to read.
SITEMAP_CHILDREN = 3
# What makes a path look like one article rather than a section front: a slug of
# several words, a long number (an article id), or a date in the path.
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}")
_ARTICLE_ID = re.compile(r"\d{5,}")
_DATE_PATH = re.compile(r"/(19|20)\d{2}/\d{1,2}(/\d{1,2})?/")
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:rdf)\b", re.IGNORECASE)
_SITEMAP_HEAD = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)\b", re.IGNORECASE)
_HTML_HEAD = re.compile(rb"<(!doctype html|html|head|body)\b", re.IGNORECASE)
SNIFF_BYTES = 4_096


@dataclass(frozen=True, kw_only=True)
class Item:
    url: str  # canonical
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None


@dataclass(frozen=True)
class Listing:
    items: tuple[Item, ...]
    children: tuple[str, ...] = ()  # a sitemap index: the sitemaps to read


def sniff_kind(body: bytes, content_type: str = "") -> str | None:
    """What the body is: "feed", "sitemap", "listing" (an HTML page) or None."""
    head = body[:SNIFF_BYTES].lstrip()
    if _FEED_HEAD.search(head):
        return "feed"
    if _SITEMAP_HEAD.search(head):
        return "sitemap"
    if _HTML_HEAD.search(head) or content_type in ("text/html", "application/xhtml+xml"):
        return "listing"
    return None


def read_listing(kind: str, body: bytes, url: str, *, match: re.Pattern[str] | None = None) -> Listing:
    if kind == "feed":
        return Listing(feed_items(body, url))
    if kind == "sitemap":
        return sitemap_listing(body, url)
    return Listing(page_links(body, url, match=match))


def feed_items(body: bytes, url: str) -> tuple[Item, ...]:
    """The entries of an RSS or Atom feed, in feed order."""
    import feedparser  # as intake does: imported on use

    parsed = feedparser.parse(io.BytesIO(body))
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
            raise FetchError(url, f"not a readable RSS/Atom feed ({reason})", transient=False)
        return ()
    outlet = (parsed.feed.get("title") or "").strip() or None
    items: list[Item] = []
    for entry in parsed.entries:
        link = entry.get("link") or next((ln.get("href") for ln in entry.get("links") or [] if ln.get("href")), None)
        found = canonical(link, url) if link else None
        if found is None:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(Item(url=found, title=(entry.get("title") or "").strip() or None,
                          published=time.strftime("%Y-%m-%d", when) if when else None, outlet=outlet))
    if not items and parsed.bozo:
        raise FetchError(url, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})", transient=False)
    return tuple(items)


def sitemap_listing(body: bytes, url: str) -> Listing:
    """The pages of a (news) sitemap, newest first, or the sitemaps of a sitemap index."""
    try:
        root = etree.fromstring(body, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise FetchError(url, f"not a readable sitemap ({exc})", transient=False) from exc
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = []
        for node in root.iter(f"{{{SITEMAP_NS}}}sitemap"):
            loc = _text(node, f"{{{SITEMAP_NS}}}loc")
            found = canonical(loc, url) if loc else None
            if found:
                children.append((_text(node, f"{{{SITEMAP_NS}}}lastmod") or "", found))
        children.sort(key=lambda pair: pair[0], reverse=True)
        return Listing((), tuple(child for _, child in children[:SITEMAP_CHILDREN]))
    if tag != "urlset":
        raise FetchError(url, f"not a sitemap (its root element is <{tag}>, not <urlset> or <sitemapindex>)",
                         transient=False)
    dated: list[tuple[str, Item]] = []
    for node in root.iter(f"{{{SITEMAP_NS}}}url"):
        loc = _text(node, f"{{{SITEMAP_NS}}}loc")
        found = canonical(loc, url) if loc else None
        if found is None:
            continue
        news = node.find(f"{{{NEWS_NS}}}news")
        title = outlet = None
        when = _text(node, f"{{{SITEMAP_NS}}}lastmod")
        if news is not None:
            title = _text(news, f"{{{NEWS_NS}}}title")
            outlet = _text(news, f"{{{NEWS_NS}}}publication/{{{NEWS_NS}}}name")
            when = _text(news, f"{{{NEWS_NS}}}publication_date") or when
        dated.append((when or "", Item(url=found, title=title, published=normalise_date(when) if when else None,
                                       outlet=outlet)))
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: undated keep their order, last
    return Listing(tuple(item for _, item in dated))


def page_links(body: bytes, url: str, *, match: re.Pattern[str] | None = None) -> tuple[Item, ...]:
    """The article links of a listing page, in page order.

    With `match`, the links whose canonical URL the pattern finds; without it, the links
    to the same site that look like articles (see `looks_like_article`)."""
    try:
        document = lxml_html.document_fromstring(body)
    except (etree.ParserError, ValueError) as exc:
        raise FetchError(url, f"not a readable HTML page ({exc})", transient=False) from exc
    base = url
    for node in document.iter("base"):
        if node.get("href"):
            base = canonical(node.get("href"), url) or url
            break
    own = canonical(url)
    site = (urlsplit(url).hostname or "").lower()
    seen: set[str] = set()
    items: list[Item] = []
    for anchor in document.iter("a"):
        href = anchor.get("href")
        found = canonical(href, base) if href else None
        if found is None or found == own or found in seen:
            continue
        if match is not None:
            if not match.search(found):
                continue
        elif (urlsplit(found).hostname or "").lower() != site or not looks_like_article(found):
            continue
        seen.add(found)
        title = " ".join(anchor.text_content().split()) or None
        items.append(Item(url=found, title=title))
    return tuple(items)


def looks_like_article(url: str) -> bool:
    """Whether a link on a listing page reads as one article: courlan's filters say it is
    a text page and not navigation (tags, authors, paging, archives, logins, files), and
    its path names one story as news sites do: a slug of three or more words, a long
    number (an article id) or a date."""
    path = urlsplit(url).path
    if not path.strip("/"):
        return False
    if not (courlan_filters.type_filter(url, strict=True) and courlan_filters.extension_filter(path)) \
            or courlan_filters.is_not_crawlable(url) or courlan_filters.is_navigation_page(url):
        return False
    stem = path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()  # "story-name.html"
    return bool(_SLUG.fullmatch(stem) or _ARTICLE_ID.search(path) or _DATE_PATH.search(path + "/"))


def _text(node: etree._Element, path: str) -> str | None:
    found = node.find(path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None
