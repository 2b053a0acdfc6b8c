"""Signals of the newsroom for the apps above it (caching, syndication).

live_article_changed(sender=Article, article, before, after): what readers can see of an
article changed. `before` and `after` are ArticleSnapshots of the live article before
and after (None when it was not live before, or is not any more): a first publish, an
edit of a published article, a scheduled go-live, an unpublish or an expiry.
"""

from django.dispatch import Signal

live_article_changed = Signal()
