vcl 4.1;
# Varnish 7 in front of Shpalta (Debian: varnish, varnish-modules for xkey).
#
# - Anonymous readers are served from Varnish; the newsroom (a session cookie) and the
#   admin pass straight to the origin.
# - The cache key drops query parameters the site does not use (tracking tags, random
#   strings sent to miss the cache), as the origin's own page cache does.
# - TTL comes from the origin's Cache-Control (s-maxage). A stale copy is served for
#   the origin's stale-while-revalidate (30 s) while the origin answers, and for its
#   stale-if-error (STALE_IF_ERROR_SECONDS, a day) once it does not: each object's grace
#   is the stale-if-error, and vcl_recv narrows it to 30 s for a healthy origin. A fetch
#   that fails (no connection, or a 5xx) is tried once more with the whole grace
#   (vcl_synth restarts it), so a page held in the last day is served; one never held
#   gets Varnish's 503 with Retry-After.
# - Pages are stored uncompressed; nginx in front compresses them (deploy/nginx).
# - Publishing purges by surrogate key: the origin sends
#   "PURGE / HTTP/1.1" with "xkey-purge: a42 tag-en-7 ..." (shpalta.caching.frontends).

import std;
import xkey;

probe origin_answers {
    .url = "/robots.txt";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;  # healthy from the start, not after the first probes
}

backend shpalta {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = origin_answers;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Origin-Failed;  # ours (vcl_synth), never a client's
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Readers carry no cookies the site reads; analytics cookies must not split the cache.
    unset req.http.Cookie;
    if (req.url ~ "[?&]date=") {
        return (pass);  # the day picker answers with a redirect
    }
    if (req.url !~ "^/api/" && req.url ~ "\?") {
        # Keep only ?page= and ?p= (lists and sitemaps), as the origin does.
        if (req.url ~ "[?&](page|p)=[0-9]+(&|$)") {
            set req.url = regsub(req.url, "^([^?]*)\?(.*&)?((page|p)=[0-9]+)(&.*)?$", "\1?\3");
        } else {
            set req.url = regsub(req.url, "\?.*$", "");
        }
    }
    if (req.http.X-Origin-Failed || !std.healthy(req.backend_hint)) {
        set req.grace = 3650d;  # as stale as each object's grace (stale-if-error) allows
    } else {
        set req.grace = 30s;  # the origin's stale-while-revalidate
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Keep pages uncompressed here: nginx in front compresses for each reader
    # (deploy/nginx), and Varnish need not unzip a stored copy for clients without gzip.
    unset bereq.http.Accept-Encoding;
}

sub vcl_backend_response {
    if (beresp.status >= 500) {
        # Keep serving the stale copy (a background fetch), or try the request again with
        # the whole grace (vcl_synth).
        return (abandon);
    }
    if (beresp.http.Cache-Control ~ "private" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 30s);
    }
    return (deliver);
}

sub vcl_backend_error {
    return (abandon);  # no answer from the origin: as a 5xx
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && req.method != "PURGE") {
        # The origin failed this request: look again, taking a copy as stale as the
        # origin's stale-if-error allows.
        set req.http.X-Origin-Failed = "1";
        return (restart);
    }
    if (resp.status == 503) {
        # A page never held, with the origin down: say so in the three editions' languages.
        set resp.http.Retry-After = "30";
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Cache-Control = "no-store";
        synthetic({"<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><title>Shpalta</title></head><body>
<p>Сайт тимчасово недоступний. Спробуйте за хвилину.</p>
<p lang="ru">Сайт временно недоступен. Попробуйте через минуту.</p>
<p lang="en">The site is temporarily unavailable. Please try again in a minute.</p>
</body></html>
"});
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0 && obj.ttl < 0s) {
        set resp.http.X-Varnish-Cache = "STALE";
    } elsif (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
    # The keys are for caches, not for readers (a CDN in front of Varnish that purges by
    # key would need Surrogate-Key or Cache-Tag kept: remove those lines then).
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
