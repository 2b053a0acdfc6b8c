vcl 4.1;
# Varnish 7 in front of Shpalta (Debian: varnish, varnish-modules for xkey).
#
# - Anonymous readers are served from Varnish; the newsroom (a session cookie) and the
#   admin pass straight to the origin.
# - The cache key drops query parameters the site does not use (tracking tags, random
#   strings sent to miss the cache), as the origin's own page cache does.
# - TTL and grace come from the origin's Cache-Control (s-maxage,
#   stale-while-revalidate); stale-if-error keeps serving while the origin is down.
# - Pages are stored uncompressed; nginx in front compresses them (deploy/nginx).
# - Publishing purges by surrogate key: the origin sends
#   "PURGE / HTTP/1.1" with "xkey-purge: a42 tag-en-7 ..." (shpalta.caching.frontends).

import std;
import xkey;

backend shpalta {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
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
    return (hash);
}

sub vcl_backend_fetch {
    # Keep pages uncompressed here: nginx in front compresses for each reader
    # (deploy/nginx), and Varnish need not unzip a stored copy for clients without gzip.
    unset bereq.http.Accept-Encoding;
}

sub vcl_backend_response {
    # Serve a stale copy for a day if the origin fails (stale-if-error=86400).
    set beresp.keep = 1d;
    if (beresp.http.Cache-Control ~ "private" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);  # keep serving the stale copy
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
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
