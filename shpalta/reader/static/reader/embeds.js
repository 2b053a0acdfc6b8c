// Click-to-load embeds: nothing is fetched from YouTube, X, Telegram, Instagram or
// Facebook until the reader asks. Without JavaScript the box keeps its plain link.
document.querySelectorAll("[data-embed-frame]").forEach((box) => {
  const button = box.querySelector(".embed-load");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = box.dataset.embedFrame;
    frame.title = box.dataset.embedTitle;
    frame.loading = "lazy";
    frame.allow = "encrypted-media; picture-in-picture; fullscreen";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    box.classList.add("embed-loaded");
  });
});
