// Browser test of `timeline build` output, in headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core):
//   1. timeline.html: no console error, no request to anything but the page itself, one claim
//      item per event of timeline.json, a filter that hides and shows items (and their marks),
//      keyboard access from a mark to its claim, AA contrast of the action badges, no sideways
//      scrolling on a phone; screenshots saved for people to look at.
//   2. timelinejs.json loaded into the real TimelineJS 3 library: a slide per event, no error.
//   3. vis-items.json loaded into the real vis-timeline (with vis-data): every item drawn.
// The libraries are served from node_modules by a small HTTP server on 127.0.0.1; any request
// elsewhere is refused and counted as a failure.
//
// usage: node timeline_page.test.js OUT_DIR SCREENSHOT_DIR
// Prints one line per check and "N passed, N failed"; exits 1 when a check fails.
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const { chromium } = require("playwright-core");

const outDir = path.resolve(process.argv[2] || "out");
const shotDir = path.resolve(process.argv[3] || "test-output");
const modules = path.join(__dirname, "node_modules");

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail !== undefined ? ": " + detail : ""}`);
}

// ---- A local server: the build output, the libraries, and two small host pages. ----
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf",
  ".svg": "image/svg+xml", ".eot": "application/vnd.ms-fontobject", ".png": "image/png" };
const mounts = {
  "/out/": outDir,
  "/timelinejs/": path.join(modules, "@knight-lab/timelinejs/dist"),
  "/vis-timeline/": path.join(modules, "vis-timeline"),
  "/vis-data/": path.join(modules, "vis-data"),
  "/moment/": path.join(modules, "moment"),
};
const hosts = {
  "/tl.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/timelinejs/css/timeline.css"></head><body>
<div id="embed" style="width: 1000px; height: 650px"></div>
<script src="/timelinejs/js/timeline.js"></script>
<script>
fetch("/out/timelinejs.json").then(r => r.json()).then(data => {
  window.tlData = data;
  window.tl = new TL.Timeline("embed", data, { hash_bookmark: false, font: null });
  window.tl.on("loaded", () => { window.tlLoaded = true; });
}).catch(e => { window.tlError = String(e); console.error(e); });
</script></body></html>`,
  "/vis.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>vis-timeline</title>
<link rel="stylesheet" href="/vis-timeline/styles/vis-timeline-graph2d.min.css"></head><body>
<div id="vis" style="width: 1200px"></div>
<script src="/moment/min/moment.min.js"></script>
<script src="/vis-data/peer/umd/vis-data.min.js"></script>
<script src="/vis-timeline/peer/umd/vis-timeline-graph2d.min.js"></script>
<script>
fetch("/out/vis-items.json").then(r => r.json()).then(data => {
  window.visData = data;
  const items = new vis.DataSet(data.items);
  const groups = new vis.DataSet(data.groups);
  const timeline = new vis.Timeline(document.getElementById("vis"), items, groups, { stack: true });
  window.visTimeline = timeline;
  timeline.fit({ animation: false });
  timeline.on("changed", () => { window.visChanged = (window.visChanged || 0) + 1; });
}).catch(e => { window.visError = String(e); console.error(e); });
</script></body></html>`,
};

function serve(req, res) {
  const url = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
  if (hosts[url]) {
    res.writeHead(200, { "content-type": types[".html"] });
    return res.end(hosts[url]);
  }
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!url.startsWith(prefix)) continue;
    const file = path.join(dir, url.slice(prefix.length));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    return fs.createReadStream(file).pipe(res);
  }
  res.writeHead(404);
  res.end("not found");
}

// Opens `url` in a fresh page; collects console errors, page errors, failed and foreign requests.
async function open(browser, url, viewport) {
  const page = await browser.newPage({ viewport: viewport || { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("requestfailed", (r) => problems.push("request failed: " + r.url()));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  const requests = [];
  await page.route("**/*", (route) => {
    const u = route.request().url();
    requests.push(u);
    if (u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
    problems.push("request to the network: " + u);
    return route.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems, requests };
}

let origin = "";

async function testPage(browser) {
  const data = JSON.parse(fs.readFileSync(path.join(outDir, "timeline.json"), "utf8"));
  const events = data.events.length;
  const { page, problems, requests } = await open(browser, origin + "/out/timeline.html");
  check(requests.length === 1, "the page requests nothing but itself", requests.join(", "));

  const embedded = await page.evaluate(() =>
    JSON.parse(document.getElementById("timeline-data").textContent).events.length);
  check(embedded === events, `embedded data has the ${events} events of timeline.json`, embedded);
  const items = await page.locator("li.claim").count();
  check(items === events, `${events} claim items on the page`, items);
  const placed = data.events.filter((e) => e.placed).length;
  const marks = await page.locator("#axis-0 li.mark").count();
  check(marks === placed, `${placed} marks on the axis of the whole span`, marks);

  // Filter by the action with the fewest events, then show all again.
  const byAction = {};
  for (const e of data.events) byAction[e.action] = (byAction[e.action] || 0) + 1;
  const [action, n] = Object.entries(byAction).sort((a, b) => a[1] - b[1])[0];
  await page.selectOption("select[name=action]", action);
  const visible = await page.locator("li.claim:visible").count();
  check(visible === n, `filter action=${action} shows ${n} claims`, visible);
  const visibleMarks = await page.locator("#axis-0 li.mark:visible").count();
  const placedOfAction = data.events.filter((e) => e.placed && e.action === action).length;
  check(visibleMarks === placedOfAction, "the axis follows the filter", visibleMarks);
  check((await page.textContent("#shown")).includes(`${n} of ${events}`), "the filter says how many are shown");
  await page.click("button[type=reset]");
  await page.waitForTimeout(50);
  check(await page.locator("li.claim:visible").count() === events, "Show all brings every claim back");

  // Filter by source: only the claims one document makes.
  if (data.documents.length > 1) {
    const doc = data.documents[0].id;
    const ofDoc = data.events.filter((e) => e.sources.some((s) => s.document === doc)).length;
    await page.selectOption("select[name=source]", doc);
    check(await page.locator("li.claim:visible").count() === ofDoc, `filter source=${doc} shows ${ofDoc}`);
    await page.click("button[type=reset]");
  }

  // Keyboard: tab to the first mark, Enter follows it to its claim.
  if (marks > 0) {
    const first = await page.locator("#axis-0 li.mark a").first().getAttribute("href");
    await page.locator("#axis-0 li.mark a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForTimeout(50);
    check(await page.evaluate(() => location.hash) === first, "Enter on a mark goes to its claim", first);
  }

  // Close-ups: choosing one shows its axis alone, with the marks of the events in it.
  const zooms = await page.locator("#zoom option").count();
  if (zooms > 1) {
    const value = await page.locator("#zoom option").nth(1).getAttribute("value");
    await page.selectOption("#zoom", value);
    const shownAxes = await page.locator(".axis-scroll:visible").count();
    const inZoom = await page.locator(`#axis-${value} li.mark:visible`).count();
    check(shownAxes === 1 && inZoom > 0, "a close-up replaces the whole span", `${shownAxes} axes, ${inZoom} marks`);
    await page.selectOption("#zoom", "0");
    check(await page.locator("#axis-0").isVisible(), "the whole span comes back");
  }

  // Contrast of the white text on every action badge (WCAG AA: 4.5:1).
  const worst = await page.evaluate(() => {
    const lum = (rgb) => {
      const c = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    let min = 21;
    document.querySelectorAll(".badge, .status, .summary, .evidence figcaption, .tick").forEach((el) => {
      const s = getComputedStyle(el);
      let bg = s.backgroundColor, p = el;
      while ((bg === "rgba(0, 0, 0, 0)" || bg === "transparent") && p.parentElement) {
        p = p.parentElement;
        bg = getComputedStyle(p).backgroundColor;
      }
      if (bg === "rgba(0, 0, 0, 0)") bg = "rgb(255, 255, 255)";
      const a = lum(s.color), b = lum(bg);
      min = Math.min(min, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    });
    return min;
  });
  check(worst >= 4.5, "text contrast at least 4.5:1", worst.toFixed(2));

  fs.mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: path.join(shotDir, "timeline.png"), fullPage: true });

  // Print: the controls go, every claim stays.
  await page.emulateMedia({ media: "print" });
  check(!(await page.locator("#filters").isVisible()), "print hides the filters");
  check(await page.locator("li.claim:visible").count() === events, "print shows every claim");
  await page.emulateMedia({ media: "screen" });
  check(problems.length === 0, "no console error or failed request on the page", problems.join("; "));
  await page.close();

  // A phone: nothing but the axis scrolls sideways.
  const phone = await open(browser, origin + "/out/timeline.html", { width: 375, height: 740 });
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, "no sideways scrolling on a 375px screen", overflow);
  await phone.page.screenshot({ path: path.join(shotDir, "timeline-phone.png"), fullPage: false });
  await phone.page.close();
}

async function testTimelineJS(browser) {
  const data = JSON.parse(fs.readFileSync(path.join(outDir, "timelinejs.json"), "utf8"));
  const { page, problems } = await open(browser, origin + "/tl.html");
  await page.waitForFunction(() => window.tlLoaded || window.tlError, null, { timeout: 20000 })
    .catch(() => {});
  check(await page.evaluate(() => !!window.tlLoaded), "TimelineJS loaded the data",
    await page.evaluate(() => window.tlError));
  // One slide per event, plus the title slide.
  const slides = await page.locator(".tl-slide").count();
  const expected = data.events.length + (data.title ? 1 : 0);
  check(slides === expected, `TimelineJS made ${expected} slides`, slides);
  const markers = await page.locator(".tl-timemarker").count();
  check(markers === data.events.length, `TimelineJS put ${data.events.length} markers on its axis`, markers);
  await page.screenshot({ path: path.join(shotDir, "timelinejs.png") });
  check(problems.length === 0, "TimelineJS: no console error or failed request", problems.join("; "));
  await page.close();
}

async function testVis(browser) {
  const data = JSON.parse(fs.readFileSync(path.join(outDir, "vis-items.json"), "utf8"));
  const { page, problems } = await open(browser, origin + "/vis.html");
  await page.waitForFunction(() => window.visChanged || window.visError, null, { timeout: 20000 })
    .catch(() => {});
  await page.waitForTimeout(300);
  check(await page.evaluate(() => !!window.visChanged), "vis-timeline drew the items",
    await page.evaluate(() => window.visError));
  // Every item is displayed, and its box lies inside the timeline's window (after fit()).
  const drawn = await page.evaluate(() => {
    const t = window.visTimeline;
    const win = t.getWindow();
    const frame = document.querySelector(".vis-center").getBoundingClientRect();
    const inside = [];
    Object.values(t.itemSet.items).forEach((it) => {
      const start = new Date(it.data.start);
      const box = it.dom && (it.dom.box || it.dom.point);
      if (!it.displayed || !box) return;
      const r = box.getBoundingClientRect();
      if (start >= win.start && start <= win.end && r.left >= frame.left - 1 && r.left <= frame.right)
        inside.push(String(it.id));
    });
    return inside.length;
  });
  check(drawn === data.items.length, `vis-timeline shows all ${data.items.length} items in its window`, drawn);
  const boxes = await page.locator(".vis-item").count();
  check(boxes >= data.items.length, "an element per item in the DOM", boxes);
  const groups = await page.locator(".vis-label").count();
  check(groups === data.groups.length, `${data.groups.length} groups`, groups);
  await page.screenshot({ path: path.join(shotDir, "vis-timeline.png") });
  check(problems.length === 0, "vis-timeline: no console error or failed request", problems.join("; "));
  await page.close();
}

(async () => {
  const server = http.createServer(serve);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await testPage(browser);
    await testTimelineJS(browser);
    await testVis(browser);
  } catch (e) {
    check(false, "the browser test ran to the end", e.stack || String(e));
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
