// Filters the project cards by technology: the chips above a card grid (overrides/fragments/cards.html)
// show one technology's projects at a time. The choice lives in the URL (?tech=<id>), so a link can share
// it, reload keeps it, and back and forward step through choices. Without JavaScript every card shows, and
// the chips, which come disabled, only count.
"use strict";

function setUpFilter() {
  const filter = document.querySelector(".pf-filter");
  if (!filter) return;
  const chips = [...filter.querySelectorAll(".pf-chip")];
  const cards = [...document.querySelectorAll(".pf-card[data-technologies]")];
  const status = filter.querySelector(".pf-filter__status");

  function show(wanted) {
    const chosen = chips.find((chip) => chip.dataset.tech === wanted) ?? chips[0];
    const tech = chosen.dataset.tech;
    let shown = 0;
    for (const card of cards) {
      card.hidden = tech !== "" && !card.dataset.technologies.split(" ").includes(tech);
      shown += card.hidden ? 0 : 1;
    }
    for (const chip of chips) chip.setAttribute("aria-pressed", String(chip === chosen));
    if (tech) document.documentElement.dataset.pfTech = tech; // the stylesheet hides the others, as on a first paint
    else delete document.documentElement.dataset.pfTech;
    const name = chosen.firstChild.textContent.trim();
    status.textContent = tech
      ? `Showing ${shown} of ${cards.length} projects: those that use ${name}.`
      : `Showing all ${cards.length} projects.`;
  }

  function choose(tech) {
    const url = new URL(location.href);
    if (tech) url.searchParams.set("tech", tech);
    else url.searchParams.delete("tech");
    history.pushState(null, "", url);
    show(tech);
  }

  filter.addEventListener("click", (event) => {
    const chip = event.target.closest(".pf-chip");
    if (chip) choose(chip.getAttribute("aria-pressed") === "true" ? "" : chip.dataset.tech);
  });
  // A badge on this page links to ?tech=<id> of this page: filter in place instead of loading it again.
  document.addEventListener("click", (event) => {
    const badge = event.target.closest("a.pf-badge");
    if (!badge || !filter.isConnected) return;
    const url = new URL(badge.href);
    if (url.pathname !== location.pathname) return;
    event.preventDefault();
    choose(url.searchParams.get("tech") ?? "");
    filter.scrollIntoView({ block: "nearest" });
  });
  window.onpopstate = () => show(new URLSearchParams(location.search).get("tech") ?? "");
  for (const chip of chips) chip.disabled = false;
  show(new URLSearchParams(location.search).get("tech") ?? "");
}

// Material's document$ emits each time a page is shown, with or without instant navigation.
document$.subscribe(setUpFilter);
