// Browser test of `timeline compare` output, in headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core): compare.html opened from disk must
//   - log no console error and request nothing but itself;
//   - show one mark per (article, event) of compare.json, one lane per article, one link line per
//     event reported by two or more articles, and the sides of every conflict;
//   - light up every mark of an event and its entry in the merged timeline when a mark is
//     pointed at;
//   - hide the events of a verdict when its box is unticked, and show them again;
//   - keep the phone-width page from scrolling sideways (the lanes scroll inside their box).
// Screenshots are saved for people to look at.
//
// usage: node compare_page.test.js OUT_DIR SCREENSHOT_DIR
// Prints one line per check and "N passed, N failed"; exits 1 when a check fails.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const outDir = path.resolve(process.argv[2] || "out");
const shotDir = path.resolve(process.argv[3] || "test-output");

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail !== undefined ? ": " + detail : ""}`);
}

(async () => {
  const data = JSON.parse(fs.readFileSync(path.join(outDir, "compare.json"), "utf8"));
  const pageUrl = "file://" + path.join(outDir, "compare.html");
  fs.mkdirSync(shotDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const requests = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => { if (r.url() !== pageUrl) requests.push(r.url()); });
    await page.goto(pageUrl);

    // Marks, lanes, links, sides: counted from compare.json.
    let marks = 0, links = 0, sides = 0;
    for (const e of data.events) {
      marks += e.documents.length;
      if (e.documents.length >= 2) links++;
      for (const c of e.conflicts) sides += c.sides.length;
    }
    check(await page.locator(".lane-name").count() === data.documents.length, "one lane per article");
    check(await page.locator("a.item").count() === marks, "one mark per article and event",
      `${await page.locator("a.item").count()} marks, expected ${marks}`);
    check(await page.locator("div.link").count() === links, "a link line per shared event");
    check(await page.locator(".side").count() === sides, "every conflict side is shown");
    check(await page.locator("li.event").count() === data.events.length, "merged timeline lists every event");

    // Pointing at a mark lights up its event everywhere.
    const shared = data.events.find((e) => e.documents.length >= 2);
    if (shared) {
      await page.locator(`a.item[data-event="${shared.id}"]`).first().hover();
      const hot = await page.locator(`a.item.hot[data-event="${shared.id}"]`).count();
      check(hot === shared.documents.length, "hovering a mark lights the event in every lane",
        `${hot} of ${shared.documents.length}`);
      check(await page.locator(`li.event.hot#${shared.id}`).count() === 1,
        "hovering a mark lights the event in the merged timeline");
      await page.mouse.move(0, 0);
      check(await page.locator(".hot").count() === 0, "moving away turns the light off");
    }

    // Verdict boxes hide and show events.
    const conflicts = data.events.filter((e) => e.verdict === "conflict");
    if (conflicts.length) {
      await page.locator('#verdicts input[value="conflict"]').uncheck();
      const hidden = await page.locator('li.event[data-verdict="conflict"].hidden').count();
      check(hidden === conflicts.length, "unticking 'conflict' hides the conflicts");
      check(await page.locator('li.event[data-verdict="corroborated"].hidden').count() === 0,
        "other verdicts stay visible");
      await page.screenshot({ path: path.join(shotDir, "compare-no-conflicts.png"), fullPage: true });
      await page.locator('#verdicts input[value="conflict"]').check();
      check(await page.locator(".hidden").count() === 0, "ticking it again shows them");
    }
    await page.screenshot({ path: path.join(shotDir, "compare.png"), fullPage: true });

    // A phone: the page itself does not scroll sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 375, "no sideways scrolling at phone width", `${wide}px`);
    await page.screenshot({ path: path.join(shotDir, "compare-phone.png"), fullPage: true });

    check(errors.length === 0, "no console error", errors.join(" | "));
    check(requests.length === 0, "no request beyond the page itself", requests.join(" "));
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log("FAIL " + e);
  process.exit(1);
});
