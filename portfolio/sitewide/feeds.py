"""The blog's feeds (RSS 2.0 and Atom) and each post's JSON-LD, from plain records of its posts."""

from __future__ import annotations

from feedgenerator import Atom1Feed, Rss201rev2Feed

from portfolio.data.posts import PostRecord

# The feeds, by file name at the site's root, with their media type.
FEEDS = {"feed_rss.xml": "application/rss+xml", "feed_atom.xml": "application/atom+xml"}
_WRITERS = {"feed_rss.xml": Rss201rev2Feed, "feed_atom.xml": Atom1Feed}


def feeds(posts: list[PostRecord], *, title: str, description: str, blog_url: str, site_url: str) -> dict[str, str]:
    """Each feed's XML by file name: the posts newest first; the same posts give the same bytes (the feed's date
    is its newest post's)."""
    written = {}
    for name, writer in _WRITERS.items():
        feed = writer(title=title, link=blog_url, description=description, language="en", feed_url=site_url + name)
        for post in sorted(posts, key=lambda post: post.created, reverse=True):
            feed.add_item(
                title=post.title,
                link=post.url,
                description=post.summary,
                pubdate=post.created,
                updateddate=post.updated or post.created,
                unique_id=post.url,
                categories=post.categories,
            )
        written[name] = feed.writeString("utf-8")
    return written


def blog_posting(post: PostRecord, author: dict[str, object]) -> dict[str, object]:
    """schema.org BlogPosting for one post's page."""
    return {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "url": post.url,
        "mainEntityOfPage": post.url,
        "datePublished": post.created.isoformat(),
        "dateModified": (post.updated or post.created).isoformat(),
        "description": post.summary,
        "author": author,
        **({"keywords": list(post.categories)} if post.categories else {}),
    }
