"""Largest paint in Chromium: on every page, the largest paint does not wait for Material's bundle to run.

The bundle's first run is one long task (about 70 ms here, four times that on Lighthouse's slow phone). Deferred,
it ran as soon as the page was parsed: on a repeat visit, when the browser has it in its cache, that was before
the frame that paints the page's content, which waited for it. And Lighthouse's mobile run, which simulates a slow
phone from a load without throttling, counted the bundle's download and run in the largest paint whenever the
bundle had arrived and started before that paint reached the screen (about half of its runs here: 1.2-1.5 s
instead of 0.9 s). What the bundle does never changes what the largest paint shows: the element stays.

So each page is visited twice, and the second visit checked. The paint is timed when Chromium paints it
(paintTime): it reaches the screen a little later (startTime), later still on a busy machine without a GPU.
"""

from __future__ import annotations

from helpers import Built
from playwright.sync_api import Browser

# Lighthouse's mobile screen.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
# Keeps every largest-paint candidate with its element, and the moment Material's bundle ends its first run:
# it sets window.document$ (the theme's documented hook for extra scripts) as its last step.
OBSERVE = """
window.pfPaints = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    pfPaints.push({ time: entry.paintTime ?? entry.startTime, size: entry.size, node: entry.element });
  }
}).observe({ type: "largest-contentful-paint", buffered: true });
Object.defineProperty(window, "document$", {
  configurable: true,
  set(value) {
    window.pfBundleRan = performance.now();
    Object.defineProperty(window, "document$", { value, writable: true, configurable: true, enumerable: true });
  },
});
"""
# Resolves once Material has set the page up and three more frames have begun (a paint that the bundle caused has
# been reported by then), with the candidates and the moment the bundle ran.
SETTLED = """() => new Promise((resolve) => {
  const frames = (count, then) => (count ? requestAnimationFrame(() => frames(count - 1, then)) : then());
  const report = () => resolve({
    bundleRan: window.pfBundleRan,
    paints: pfPaints.map(({ time, size, node }) => ({
      time, size, shown: Boolean(node && node.isConnected),
      element: node ? `<${node.localName} class="${node.className}"> ${node.textContent.trim().slice(0, 40)}` : "",
    })),
  });
  const ready = () => (window.component$ ? frames(3, () => setTimeout(report)) : requestAnimationFrame(ready));
  ready();
})"""


def largest_paint_on_a_repeat_visit(browser: Browser, url: str) -> str | None:
    """What is wrong with url's largest paint when the browser has the page's files already, if anything."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(OBSERVE)
    for address in (url, "about:blank"):  # the first visit puts the page, its stylesheet and scripts in the cache
        page.goto(address)
    page.goto(url, wait_until="commit")
    settled = page.evaluate(SETTLED)  # (wait_for_function would evaluate a string, which the page's policy forbids)
    context.close()
    assert settled["paints"], url
    largest, ran = settled["paints"][-1], settled["bundleRan"]
    if not largest["shown"]:
        return f"{largest['element']} was painted, then replaced"
    if largest["time"] > ran:
        return (
            f"{largest['element']} ({largest['size']} px²) was painted at {largest['time']:.0f} ms, "
            f"after Material's bundle had run (by {ran:.0f} ms)"
        )
    return None


def test_the_largest_paint_comes_before_materials_bundle_has_run(browser: Browser, server: str, built: Built) -> None:
    problems = {path: largest_paint_on_a_repeat_visit(browser, f"{server}/{path}") for path in built.pages}
    assert {path: problem for path, problem in problems.items() if problem} == {}
