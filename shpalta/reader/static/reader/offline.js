// Offline reading: the service worker at the site's root (reader.views.offline).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
