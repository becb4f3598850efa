// Drives Chromium over one HTML report, offline: checks the DOM and the
// filters, runs axe-core, and writes screenshots at desktop and phone
// widths. Called by tests/browser.rs:
//   node check.mjs REPORT.html SHOTS_DIR NAME CHROMIUM
// Exits 1 with the reasons when a check fails.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [report, shots, name, executablePath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ offline: true, bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const requests = [];
  // Networking disabled: anything but the report file itself is refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) { return route.continue(); }
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(report).href);

  // Keyboard: the first Tab reaches the skip link, which leads to the findings.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.getAttribute("href"));
  check(focused === "#findings", `first Tab focuses ${focused}, not the skip link`);

  // The DOM: cards, matrix cells, highlights, no unsafe links.
  const dom = await page.evaluate(() => {
    const q = (s) => document.querySelectorAll(s);
    const cards = Array.from(q(".card"));
    return {
      cards: cards.length,
      cardsWithPassages: cards.filter((c) => c.querySelector(".passage mark")).length,
      // Rule hygiene findings (a fact that matched nothing) have no passage.
      unmarked: cards.filter((c) => c.querySelector(".passage") && !c.querySelector(".passage mark")).length,
      headOutlets: q(".matrix thead th.outlet-head").length,
      rows: q(".matrix tbody tr").length,
      cells: q(".matrix td.cell").length,
      stated: q(".matrix td.cell .value").length,
      flagged: q(".matrix td.against-sheet, .matrix td.conflicts").length,
      badLinks: Array.from(q("a[href]")).map((a) => a.getAttribute("href"))
        .filter((h) => !/^(https?:\/\/|#)/i.test(h)),
      scripts: q("script").length,
      external: Array.from(q("[src], link[href]")).length,
      summary: document.getElementById("summary").textContent,
      diffs: q(".diff ins, .diff del").length,
      severities: cards.map((c) => c.dataset.severity),
    };
  });
  check(dom.cards > 0, "no finding cards");
  check(dom.cardsWithPassages > 0 && dom.unmarked === 0, `${dom.unmarked} cards have passages with no highlighted words`);
  check(dom.headOutlets > 0 && dom.cells === dom.rows * dom.headOutlets,
    `matrix has ${dom.cells} cells for ${dom.rows} facts x ${dom.headOutlets} outlets`);
  check(dom.stated > 0, "no matrix cell states a value");
  check(dom.badLinks.length === 0, `links that are not http(s) or in-page: ${dom.badLinks.join(" ")}`);
  check(dom.scripts === 1 && dom.external === 0, "the page loads something from outside");
  check(/\d+ errors?, \d+ warnings?, \d+ notes?/.test(dom.summary), `summary reads "${dom.summary}"`);

  // Filters: severity, outlet, fact; the status line follows.
  const visible = () => page.evaluate(() => Array.from(document.querySelectorAll(".card"))
    .filter((c) => !c.hidden).map((c) => ({ sev: c.dataset.severity, fact: c.dataset.fact, outlets: c.dataset.outlets })));
  const errorsShown = dom.severities.filter((s) => s === "error").length;
  await page.locator("input[name=severity][value=error]").uncheck();
  let now = await visible();
  check(now.length === dom.cards - errorsShown && now.every((c) => c.sev !== "error"),
    `unchecking errors left ${now.length} cards (expected ${dom.cards - errorsShown})`);
  const status = await page.locator("#shown").textContent();
  check(status.includes(`${now.length} of ${dom.cards}`), `status line says "${status}"`);
  await page.locator("input[name=severity][value=error]").check();
  const outlet = await page.locator("select[name=outlet] option").nth(1).getAttribute("value");
  await page.selectOption("select[name=outlet]", outlet);
  now = await visible();
  check(now.length > 0 && now.length <= dom.cards && now.every((c) => c.outlets.split(" ").includes(outlet)),
    `outlet filter shows cards of other outlets`);
  await page.selectOption("select[name=outlet]", "");
  const fact = await page.locator("select[name=fact] option").nth(1).getAttribute("value");
  await page.selectOption("select[name=fact]", fact);
  now = await visible();
  check(now.length > 0 && now.every((c) => c.fact === fact), "fact filter shows cards of other facts");
  await page.selectOption("select[name=fact]", "");
  check((await visible()).length === dom.cards, "clearing the filters does not show every card again");

  // Accessibility, at both widths.
  await page.evaluate(axeSource);
  const axe = async (width) => {
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of result.violations) {
      failures.push(`axe at ${width}px: ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(" ")}`);
    }
  };
  await axe(1280);
  await page.screenshot({ path: join(shots, `${name}-desktop.png`), fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 375, `at 375 px the page is ${overflow} px wide`);
  await axe(375);
  await page.screenshot({ path: join(shots, `${name}-375.png`), fullPage: true });

  check(requests.length === 0, `the page asked the network for ${requests.join(" ")}`);
  check(errors.length === 0, `script errors: ${errors.join("; ")}`);
  console.log(`${name}: ${dom.cards} cards, ${dom.rows}x${dom.headOutlets} matrix, ${dom.diffs} diff marks, axe run at 1280 and 375 px`);
} finally {
  await browser.close();
}
if (failures.length) {
  for (const f of failures) { console.error(`FAIL ${name}: ${f}`); }
  process.exit(1);
}
