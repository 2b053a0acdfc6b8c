// A live blog asks for its latest updates every data-interval seconds (a small page the
// caches keep until a reporter adds, edits or deletes an update) and offers the new ones
// behind a button, rather than moving the page under the reader. It stops asking once
// the coverage has ended.
(() => {
  const blog = document.querySelector(".live-blog[data-updates]");
  if (!blog) return;
  const list = blog.querySelector(".live-entries");
  const button = blog.querySelector(".live-new");
  const plural = new Intl.PluralRules(document.documentElement.lang || "en");
  let waiting = [];
  let timer = null;

  const label = (count) => {
    const form = { one: "newOne", few: "newFew" }[plural.select(count)] || "newMany";
    return blog.dataset[form].replace(/\d+/, String(count));
  };

  const shown = () => new Set([...list.querySelectorAll("[data-entry]")].map((e) => e.dataset.entry));

  const ask = async () => {
    try {
      const response = await fetch(blog.dataset.updates, { headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.querySelector(".live-entries");
      if (!fresh) return;
      const have = shown();
      waiting = [...fresh.querySelectorAll("[data-entry]")].filter((e) => !have.has(e.dataset.entry));
      if (waiting.length) {
        button.textContent = label(waiting.length);
        button.hidden = false;
      }
      if (fresh.dataset.ended) {
        clearInterval(timer);
        const status = blog.querySelector(".live-status");
        status.className = "live-status live-ended";
        status.textContent = blog.dataset.endedText;
      }
    } catch (error) {
      // Offline or the site is busy: the next turn asks again.
    }
  };

  button.addEventListener("click", () => {
    const empty = list.querySelector(".live-empty");
    if (empty) empty.remove();
    waiting.slice().reverse().forEach((entry) => list.prepend(document.importNode(entry, true)));
    const newest = list.querySelector("[data-entry] time");
    const updated = blog.querySelector(".live-running time");
    if (newest && updated) {
      updated.dateTime = newest.dateTime;
      updated.textContent = newest.textContent;
    }
    waiting = [];
    button.hidden = true;
  });

  timer = setInterval(ask, Number(blog.dataset.interval || 20) * 1000);
})();
