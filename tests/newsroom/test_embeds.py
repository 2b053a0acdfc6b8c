import pytest

from shpalta.newsroom.embeds import UnsupportedEmbedError, parse_embed


@pytest.mark.parametrize(
    ("url", "provider", "ident"),
    [
        ("https://www.youtube.com/watch?v=M7lc1UVf-VE", "youtube", "M7lc1UVf-VE"),
        ("https://youtu.be/M7lc1UVf-VE?t=10", "youtube", "M7lc1UVf-VE"),
        ("https://youtube.com/shorts/M7lc1UVf-VE", "youtube", "M7lc1UVf-VE"),
        ("https://x.com/somebody/status/1866000000000000000", "x", "1866000000000000000"),
        ("https://twitter.com/somebody/status/123", "x", "123"),
        ("https://t.me/somechannel/4521", "telegram", "somechannel/4521"),
        ("https://www.instagram.com/p/C0abcDEF123/", "instagram", "C0abcDEF123"),
        (
            "https://www.facebook.com/somepage/posts/pfbid0abc",
            "facebook",
            "somepage/posts/pfbid0abc",
        ),
        ("https://fb.watch/abcDEF/", "facebook", "abcDEF"),
    ],
)
def test_known_providers_are_recognised_without_the_network(url, provider, ident):
    embed = parse_embed(url)
    assert (embed.provider, embed.ident) == (provider, ident)
    assert embed.frame_url.startswith("https://")


def test_youtube_frames_use_the_no_cookie_domain():
    assert parse_embed("https://youtu.be/M7lc1UVf-VE").frame_url.startswith(
        "https://www.youtube-nocookie.com/embed/"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/video",
        "https://www.youtube.com/watch?v=short",
        "https://x.com/somebody",
        "javascript:alert(1)",
        "https://t.me/",
        "not a url",
    ],
)
def test_other_addresses_are_refused_with_the_list_of_providers(url):
    with pytest.raises(UnsupportedEmbedError, match="YouTube"):
        parse_embed(url)
