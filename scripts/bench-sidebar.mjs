// Sidebar benchmark (issue 5): time from page load to plan on screen in the
// local preview for the L account (2,000 campaigns × 300 credits × 365 days),
// goal ≤ 1 s, and the size of dist/Sidebar.html, goal ≤ 200 KB. Needs a
// built dist/ (`npm run bench` builds first) and Debian's Chromium.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { importTs } from "./importTs.mjs";

const LOADS = 5;
const GOAL_MS = 1000;
const GOAL_KB = 200;
const L = { campaigns: 2000, credits: 300, days: 365 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One page load: navigation start → plan on screen, and its parts. */
async function loadOnce(browser, url) {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  try {
    await page.goto(url);
    // The plan shows first; R12 recommendations follow in a second call.
    await page.waitForFunction(() => window.__recommendationsShownAt !== undefined, null, {
      timeout: 120_000,
    });
    return await page.evaluate(() => ({
      shown: window.__planShownAt,
      withRecommendations: window.__recommendationsShownAt,
      failed: document.body.dataset.status === "error",
    }));
  } finally {
    await page.close();
  }
}

export async function benchSidebar() {
  const lines = ["Sidebar (local preview in Chromium, 300 px)"];
  if (!existsSync("dist/Sidebar.html") || !existsSync("dist/preview.mjs")) {
    return [...lines, "skipped: dist/ is not built (npm run build)"];
  }
  const kb = statSync("dist/Sidebar.html").size / 1024;
  const dir = mkdtempSync(join(tmpdir(), "acp-sidebar-bench-"));
  let preview;
  let browser;
  try {
    const { writeSyntheticWorkbook } = await importTs("scripts/syntheticWorkbook.ts");
    writeSyntheticWorkbook(dir, "L");
    const { launchChromium, startPreviewProcess } = await importTs("scripts/chromiumPreview.ts");
    preview = await startPreviewProcess(dir, process.cwd());
    const { url } = preview;
    browser = await launchChromium();
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(await loadOnce(browser, url));
    if (runs.some((r) => r.failed))
      throw new Error(`the sidebar showed an error: ${preview.output()}`);
    const payload = await fetch(new URL("/rpc", url), {
      method: "POST",
      body: JSON.stringify({ fn: "getPlan", args: [null] }),
    }).then((r) => r.text());
    const server = [...preview.output().matchAll(/getPlan\(null\) ok in (\d+) ms/g)].map((m) =>
      Number(m[1]),
    );
    const shown = runs.map((r) => r.shown);
    const full = runs.map((r) => r.withRecommendations);
    const status = (ok) => (ok ? "ok" : "over goal");
    lines.push(
      `L account: ${L.campaigns} campaigns × ${L.credits} credits × ${L.days} days, ${LOADS} page loads`,
      `  page load → plan on screen   first ${shown[0].toFixed(0)} ms, median ${median(shown).toFixed(0)} ms   goal ≤ ${GOAL_MS} ms: ${status(median(shown) <= GOAL_MS)}`,
      `  … → recommendations shown    median ${median(full).toFixed(0)} ms (server getPlan with R12 ${median(server)} ms, JSON ${(payload.length / 1024 / 1024).toFixed(2)} MB)`,
      `  dist/Sidebar.html            ${kb.toFixed(1)} KB   goal ≤ ${GOAL_KB} KB: ${status(kb <= GOAL_KB)}`,
    );
  } finally {
    await browser?.close();
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log((await benchSidebar()).join("\n"));
}
