// Third-party ad code waits in a <template> until its slot nears the viewport; the slot
// keeps its reserved height meanwhile, so nothing on the page moves.
(() => {
  const load = (template) => template.replaceWith(template.content.cloneNode(true));
  const templates = document.querySelectorAll("template[data-ad-code]");
  if (!("IntersectionObserver" in window)) return templates.forEach(load);
  const observer = new IntersectionObserver((entries) => {
    entries.forEach((entry) => {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      load(entry.target.querySelector("template[data-ad-code]"));
    });
  }, { rootMargin: "200px" });
  templates.forEach((template) => observer.observe(template.parentElement));
})();
