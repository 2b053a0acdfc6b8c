// Shpalta's offline reading (reader.views.offline): the front pages and the last
// {{ articles }} articles a reader opened are kept, so that they open without a network.
// Pages come from the network while there is one; the admin, the API, search and any
// answer that is not public ("Cache-Control: private": an editor's) are never kept. A
// worker cannot see a session cookie (it is HttpOnly), so a browser that opens the admin
// is taken for an editor's: what was kept is dropped, and nothing is kept in it until it
// signs out of the admin. A new release of the site is a new worker: it takes over and
// drops the old caches.
"use strict";
const VERSION = "{{ version }}";
const ENABLED = {{ enabled|yesno:"true,false" }};
const PAGES = "shpalta-pages";
const STATIC = "shpalta-static-" + VERSION;
const ARTICLES = {{ articles }};
const FRONT = /^\/(rus\/|eng\/)?(lite\/)?$/;
const ARTICLE = /^\/(rus\/|eng\/)?(lite\/)?({{ kinds }})\/\d{4}\/\d{2}\/\d{1,2}\/\d+\/$/;
const OFFLINE = {{ offline|safe }};
const EDITOR = "shpalta-editor";  // a cache whose presence says: an editor's browser

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (!ENABLED || (name.startsWith("shpalta-static-") && name !== STATIC)) {
        await caches.delete(name);
      }
    }
    if (!ENABLED) {
      await self.registration.unregister();
      return;
    }
    await self.clients.claim();
  })());
});

function publicAnswer(response) {
  return response.ok && response.type === "basic" &&
    /\bpublic\b/.test(response.headers.get("Cache-Control") || "");
}

async function keepPage(request, response) {
  const cache = await caches.open(PAGES);
  await cache.delete(request.url);  // to the end of the cache's order: the newest
  await cache.put(request.url, response);
  const articles = (await cache.keys()).filter((kept) => ARTICLE.test(new URL(kept.url).pathname));
  for (const old of articles.slice(0, Math.max(0, articles.length - ARTICLES))) {
    await cache.delete(old);
  }
}

async function page(event) {
  const path = new URL(event.request.url).pathname;
  const keep = (FRONT.test(path) || ARTICLE.test(path)) && !(await caches.has(EDITOR));
  try {
    const response = await fetch(event.request);
    if (keep && !new URL(event.request.url).search && publicAnswer(response)) {
      event.waitUntil(keepPage(event.request, response.clone()));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(PAGES);
    const kept = await cache.match(event.request.url, { ignoreSearch: true });
    if (kept) return kept;
    const prefix = (path.match(/^\/(rus\/|eng\/)/) || [null, ""])[1];
    return new Response(OFFLINE[prefix] ?? OFFLINE[""], {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

async function asset(request) {
  const cache = await caches.open(STATIC);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  if (!ENABLED) return;
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/admin/") && event.request.mode === "navigate") {
    if (url.pathname.startsWith("/admin/logout/")) {
      event.waitUntil(caches.delete(EDITOR));
    } else if (!/^\/admin\/(login|password_reset)\//.test(url.pathname)) {
      event.waitUntil(caches.delete(PAGES).then(() => caches.open(EDITOR)));
    }
    return;
  }
  if (event.request.method !== "GET") return;
  if (/^\/(admin|api|documents|sw\.js)(\/|$)/.test(url.pathname)) return;
  if (event.request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (url.pathname.startsWith("{{ static_url }}")) {
    event.respondWith(asset(event.request));
  }
});
