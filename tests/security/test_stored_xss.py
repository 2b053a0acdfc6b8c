"""Stored XSS, tried as an attacker with an editor's session would: every payload of
payloads.py posted raw through the real admin forms into every text field of an article,
its blocks (embed addresses included), its tag, author and section, and the Support and
About pages; the articles made the front pages' top stories; then every page that shows
them read in
Chromium with the Content-Security-Policy bypassed (this tests the escaping, not the
policy behind it), with a hook that records any payload that runs and any dialog, and
every link, frame and form address checked. Feeds and the API are checked as text."""

import json
from itertools import batched

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.test import Client
from django.urls import reverse
from lxml import etree
from playwright.sync_api import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from shpalta.newsroom.models import (
    MAX_TOP_STORIES,
    Article,
    Author,
    FrontPage,
    InfoPage,
    Label,
    NewsImage,
    Section,
    Tag,
)

from ..conftest import sign_in
from ..factories import make_image
from ..newsroom.editor_forms import article_form, article_url, listed
from .payloads import PAYLOADS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOOK = """
window.__fired = [];
window.__xss = (n) => window.__fired.push(String(n));
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (what) => window.__fired.push(name + ':' + what);
}
"""
FIND_ACTIVE = """() => {
  const bad = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') && attribute.value.includes('__xss')) bad.push(name);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(name)) {
        const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data:text\\/html)/.test(value) || name === 'srcdoc')
          bad.push(name + '=' + attribute.value);
      }
    }
  }
  return bad;
}"""


def contentstate(text: str, url: str) -> str:
    """A rich text field's raw post: the payload as text, linked to the payload."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def valid_url(url: str, fallback: str) -> str:
    """The address if a URL field takes it (a payload in its path or query), else the
    fallback: the form would refuse it, which is a pass of another kind."""
    try:
        URLValidator()(url)
    except ValidationError:
        return fallback
    return url


def names(payload: str, prefix: str, n: int) -> dict:
    return {
        **{f"name_{code}": payload[:120] for code in ("uk", "ru", "en")},
        "slug": f"{prefix}-{n}",
    }


EDITIONS = ("uk", "ru", "en")


def plant(client: Client, n: int, payload: str, image) -> Article:
    """Tag, author, section, label and an article (in one of the three editions, by turn),
    each with the payload in every text field."""
    tag_data = {**names(payload, "tag", n)}
    tag_data.update({f"slug_{code}": f"tag-{n}" for code in ("uk", "ru", "en")})
    del tag_data["slug"]
    assert client.post(reverse("wagtailsnippets_newsroom_tag:add"), tag_data).status_code == 302
    author_data = {
        **names(payload, "author", n),
        **{f"bio_{c}": payload for c in ("uk", "ru", "en")},
    }
    assert (
        client.post(reverse("wagtailsnippets_newsroom_author:add"), author_data).status_code == 302
    )
    section_data = {**names(payload, "section", n), "sort_order": "100"}
    assert (
        client.post(reverse("wagtailsnippets_newsroom_section:add"), section_data).status_code
        == 302
    )
    label_data = names(payload, "label", n)
    answer = client.post(reverse("wagtailsnippets_newsroom_label:add"), label_data)
    assert answer.status_code == 302, answer.content.decode()[:1000]
    blocks = [
        ("source", {"attribution": contentstate(payload, payload), "outlet": payload, "url": ""}),
        ("quote", {"quote": payload, "speaker": payload}),
        ("details", contentstate(payload, "https://example.org/" + payload)),
        ("paragraph", contentstate(payload, payload)),
        ("background", listed([{"text": payload, "article": "", "url": "https://example.org/x"}])),
        ("image", {"image": image.pk, "alt": payload, "caption": payload, "credit": payload[:120]}),
        (
            "embed",
            {
                "url": valid_url(
                    f"https://www.facebook.com/watch/?v={payload}",
                    "https://www.facebook.com/watch/?v=1",
                ),
                "caption": payload[:300],
            },
        ),
    ]
    data = article_form(
        section=Section.objects.get(slug=f"section-{n}"),
        author=Author.objects.get(slug=f"author-{n}"),
        tag=Tag.objects.get(slug_uk=f"tag-{n}"),
        headline=payload[:255],
        summary=payload[:300],
        blocks=blocks,
        main_image=image.pk,
        main_image_caption=payload[:300],
        labels=[Label.objects.get(slug=f"label-{n}").pk],
    )
    data["lead"] = contentstate(payload, payload)
    data["body"] = streamfield(blocks)
    data.update({key: value for key, value in article_form_body(blocks).items()})
    data["action-publish"] = "publish"
    edition = EDITIONS[n % 3]
    response = client.post(article_url("add") + f"?locale={edition}", data)
    assert response.status_code == 302, (n, response.content.decode()[:2000])
    return Article.objects.get(headline=payload[:255])


def info_pages(client: Client) -> int:
    """Support and About in each edition, the payloads shared out between them, each in a
    paragraph (text and link), a membership tier and a button. Returns how many button
    addresses carried a payload (the URL field refuses the rest)."""
    kinds = [(kind, edition) for kind in ("support", "about") for edition in EDITIONS]
    share = -(-len(PAYLOADS) // len(kinds))
    in_addresses = 0
    for (kind, edition), payloads in zip(kinds, batched(PAYLOADS, share), strict=True):
        blocks = []
        for payload in payloads:
            url = valid_url(f"https://pay.example.org/{payload}", "https://pay.example.org/")
            in_addresses += url != "https://pay.example.org/"
            blocks += [
                ("paragraph", contentstate(payload, payload)),
                (
                    "tiers",
                    listed([{"name": payload[:60], "price": payload[:60], "description": payload}]),
                ),
                ("button", {"text": payload[:60], "url": url}),
            ]
        data = nested_form_data(
            {"kind": kind, "title": payloads[0][:120], "body": streamfield(blocks)}
        )
        url = reverse("wagtailsnippets_newsroom_infopage:add") + f"?locale={edition}"
        response = client.post(url, data)
        assert response.status_code == 302, (kind, edition, response.content.decode()[:2000])
    return in_addresses


def choose_top_stories(client: Client, articles: list[Article]) -> None:
    """Each edition's front page leads with the newest payload articles of that edition."""
    for front in FrontPage.objects.all():
        mine = [a for a in articles if a.locale_id == front.locale_id][-MAX_TOP_STORIES:]
        stories = inline_formset([{"article": article.pk} for article in mine])
        url = reverse("wagtailsnippets_newsroom_frontpage:edit", args=[front.pk])
        response = client.post(url, nested_form_data({"top_stories": stories}))
        assert response.status_code == 302, response.content.decode()[:2000]


def article_form_body(blocks) -> dict:
    from wagtail.test.utils.form_data import nested_form_data

    return nested_form_data({"body": streamfield(blocks)})


def test_the_corpus_is_large_and_every_payload_distinct():
    assert len(PAYLOADS) >= 150 and len(set(PAYLOADS)) == len(PAYLOADS)


def test_no_stored_payload_runs_anywhere(page: Page, live_server, editor, settings):
    client = Client()
    sign_in(client, editor)
    image = NewsImage.objects.get(pk=make_image().pk)
    image.credit = PAYLOADS[0]  # the image's own credit, shown where a block leaves it empty
    image.title = PAYLOADS[1]
    image.save()
    articles = [plant(client, n, payload, image) for n, payload in enumerate(PAYLOADS)]
    in_button_addresses = info_pages(client)
    choose_top_stories(client, articles)
    in_embed_addresses = sum(
        any(
            block.block_type == "embed"
            and block.value["url"] != "https://www.facebook.com/watch/?v=1"
            for block in article.body
        )
        for article in articles
    )

    context = page.context.browser.new_context(bypass_csp=True)
    context.add_init_script(HOOK)
    reader = context.new_page()
    dialogs = []
    reader.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    report = {}

    def visit(where: str, url: str):
        reader.goto(f"{live_server.url}{url}")
        fired = reader.evaluate("window.__fired")
        active = reader.evaluate(FIND_ACTIVE)
        report[where] = report.get(where, 0) + 1
        assert not fired and not active and not dialogs, (url, fired, active, dialogs)

    for article in articles:
        visit("article page", article.get_absolute_url())
        # The click-to-load embed: its frame opens at an address built from the payload.
        for button in reader.locator(".embed-load:visible").all():
            button.click()
            frames = reader.evaluate(FIND_ACTIVE)
            assert not frames and not reader.evaluate("window.__fired"), (article.pk, frames)
            report["embeds opened"] = report.get("embeds opened", 0) + 1
    for prefix in ("", "/rus", "/eng"):
        for url in ["/", "/news/", "/news/?page=2"]:
            visit("lists and front pages with the payloads as top stories", prefix + url)
        for url in ["/support/", "/about/"]:
            visit("Support and About", prefix + url)
    for n in (0, 37, 74, 111, 149):
        visit("tag, author, section pages", f"/tags/tag-{n}/")
        visit("tag, author, section pages", f"/authors/author-{n}/")
        visit("tag, author, section pages", f"/sections/section-{n}/")

    # Feeds: what readers render as HTML (descriptions) holds no element once read.
    for url in ["/rss/", "/atom/", "/tags/tag-5/rss/", "/authors/author-5/atom/"]:
        root = etree.fromstring(client.get(url).content)
        for element in root.iter("{*}description", "{*}summary", "description"):
            assert "<" not in (element.text or ""), (url, element.text)
        report["feeds"] = report.get("feeds", 0) + 1
    # The API: JSON whose strings are the payloads as typed, never HTML.
    response = client.get("/api/v1/articles/?edition=uk&limit=50")
    assert response["Content-Type"].startswith("application/json")
    headlines = {item["headlines"][0]["value"] for item in response.json()["items"]}
    assert headlines and headlines <= {payload[:255] for payload in PAYLOADS}

    # The admin, as the editor sees it: edit views, preview, listings, history.
    admin = context.new_page()
    admin.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    from ..browser.test_newsroom_flow import log_in

    log_in(admin, live_server.url, "editor")
    for article in articles[::10]:
        compare = reverse(
            "wagtailsnippets_newsroom_article:revisions_compare",
            args=[article.pk, "earliest", "latest"],
        )
        for url in (
            article_url("edit", article.pk),
            article_url("history", article.pk),
            article_url("preview_on_edit", article.pk),
            compare,
        ):
            admin.goto(f"{live_server.url}{url}")
            assert not admin.evaluate("window.__fired") and not dialogs, url
            report["admin views"] = report.get("admin views", 0) + 1
    for url in (
        article_url("list"),
        reverse("wagtailsnippets_newsroom_tag:list"),
        reverse("wagtailsnippets_newsroom_author:list"),
        reverse("wagtailsnippets_newsroom_section:list"),
        reverse("wagtailsnippets_newsroom_infopage:list"),
        *(
            reverse("wagtailsnippets_newsroom_infopage:edit", args=[pk])
            for pk in InfoPage.objects.values_list("pk", flat=True)
        ),
        *(
            reverse("wagtailsnippets_newsroom_frontpage:edit", args=[pk])
            for pk in FrontPage.objects.values_list("pk", flat=True)
        ),
    ):
        admin.goto(f"{live_server.url}{url}")
        assert not admin.evaluate("window.__fired") and not dialogs, url
        report["admin views"] = report.get("admin views", 0) + 1
    print(
        f"{len(PAYLOADS)} payloads; in embed addresses: {in_embed_addresses}, in Support "
        f"button addresses: {in_button_addresses} (the URL fields refused the others); "
        f"views read per kind: {report}"
    )
