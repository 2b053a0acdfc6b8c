"""Feed and sitemap URLs inside the edition prefix; every feed as `…/rss/` and `…/atom/`.
The sitemap index and robots.txt are the site's, at the root (shpalta/urls.py)."""

from django.urls import path, re_path

from . import feeds, sitemaps

app_name = "feeds"


def _both_formats(route: str, feed_class, name: str) -> list:
    return [
        path(f"{route}rss/", feed_class(feeds.ShpaltaRssFeed), name=f"{name}_rss"),
        path(f"{route}atom/", feed_class(feeds.ShpaltaAtomFeed), name=f"{name}_atom"),
    ]


urlpatterns = [
    *_both_formats("", feeds.ArticleFeed, "edition"),
    *_both_formats("urgent/", feeds.UrgentFeed, "urgent"),
    *_both_formats("partner/", feeds.PartnerFeed, "partner"),
    *_both_formats("corrections/", feeds.CorrectionFeed, "corrections"),
    *_both_formats("sections/<slug:slug>/", feeds.SectionFeed, "section"),
    *_both_formats("tags/<slug:slug>/", feeds.TagFeed, "tag"),
    *_both_formats("authors/<slug:slug>/", feeds.AuthorFeed, "author"),
    *_both_formats(
        "live/<int:year>/<str:month>/<int:day>/<int:story>/", feeds.LiveBlogFeed, "live"
    ),
    path("sitemaps/news.xml", sitemaps.news_sitemap, name="news_sitemap"),
    re_path(
        r"^sitemaps/(?P<year>\d{4})-(?P<month>\d{2})\.xml$",
        sitemaps.month_sitemap,
        name="month_sitemap",
    ),
]
