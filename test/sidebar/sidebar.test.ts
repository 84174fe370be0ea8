/**
 * The sidebar in a real browser (Debian Chromium via playwright-core),
 * against the local preview: the page is the built dist/Sidebar.html and every
 * server call is answered by src/sheets/service.ts over a fixture workbook.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PlanJson } from "../../src/sheets/planJson";
import {
  FIXTURES,
  figure,
  type PreviewProcess,
  previewState,
  ROOT,
  readingReport,
  rpc,
  SIDEBAR_WIDTH,
  startPreviewProcess,
  usDay,
  usd,
  useSidebarBrowser,
} from "./previewHarness";

const openSidebar = useSidebarBrowser(800);

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  );
}

describe("sidebar over the basic workbook", () => {
  let preview: PreviewProcess;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    preview = await startPreviewProcess(join(FIXTURES, "basic"));
    ({ page, errors } = await openSidebar(preview.url));
  });

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
  });

  test("the plan appears with the server's figures", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    expect(await page.locator("body").getAttribute("data-status")).toBe("ready");
    expect(await figure(page, "Credit available")).toBe(usd(plan.totals.creditAvailable));
    expect(await figure(page, "Will be used")).toBe(usd(plan.totals.creditFunded));
    expect(await figure(page, "Will expire unused")).toBe(usd(plan.totals.creditExpired));
    expect(await figure(page, "Cash needed")).toBe(usd(plan.totals.outOfPocket));
    // R10: the account's run-out day is shown as the server computed it.
    expect(await figure(page, "Cash runs out")).toBe(usDay(plan.account.cashRunsOutOn));
    expect(await page.locator("#credits tbody tr").count()).toBe(plan.credits.length);
    expect(await page.locator("#campaigns tbody tr").count()).toBe(plan.campaigns.length);
  });

  test("Daily alerts (R15): opened, it shows the state and the next mail's digest from the server", async () => {
    const status = await rpc<{
      on: boolean;
      digest: { items: { label: string; action: string }[] };
    }>(preview.url, "getAlerts", []);
    expect(status.on).toBe(false); // the preview has no triggers
    expect(status.digest.items.length).toBeGreaterThan(0);
    await page.locator("#alerts-section summary").click();
    await expect.poll(() => page.locator("#alerts li").count()).toBe(status.digest.items.length);
    expect(await page.locator("#alerts .alerts-state").textContent()).toContain("Off");
    const first = (await page.locator("#alerts li").first().textContent()) ?? "";
    expect(first).toContain(status.digest.items[0].label);
    expect(first).toContain(status.digest.items[0].action);
  });

  test("credits at risk come first and headers sort (R11 CREDIT_EXPIRES_UNUSED)", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    const atRisk = plan.credits.filter((c) => c.atRisk > 0).length;
    expect(atRisk).toBeGreaterThan(0);
    const rows = page.locator("#credits tbody tr");
    for (let i = 0; i < atRisk; i++) {
      await expect.poll(() => rows.nth(i).getAttribute("class")).toContain("at-risk");
    }
    await page.locator('#credits th[data-key="id"] button').click();
    // Names first: the credit column sorts by name.
    const names = await page.locator("#credits tbody tr td:first-child .name").allTextContents();
    expect(names).toEqual(plan.credits.map((c) => c.name).sort());
    await page.locator('#credits th[data-key="id"] button').click();
    const reversed = await page.locator("#credits tbody tr td:first-child .name").allTextContents();
    expect(reversed).toEqual([...names].reverse());
  });

  test("the draw-down chart is drawn and a hovered day shows its values", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    const paths = page.locator("svg.chart path.line");
    // One line per credit with money (all ≤ 8 here) plus cash.
    const withMoney = plan.credits.filter((c) => c.remainingAtStart + c.issued > 0).length;
    expect(await paths.count()).toBe(withMoney + 1);
    for (const d of await paths.evaluateAll((els) => els.map((el) => el.getAttribute("d") ?? ""))) {
      expect(d).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+$/);
    }
    // Expiry markers only where a credit loses money.
    const losing = plan.credits.filter((c) => c.expired > 0 && c.expiresOn !== null).length;
    expect(losing).toBeGreaterThan(0);
    expect(await page.locator("svg.chart path.expiry").count()).toBe(losing);
    // Dated weekly ticks along the axis, not only the two ends.
    expect(await page.locator("svg.chart text.tick").count()).toBeGreaterThanOrEqual(4);
    const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
    const legendTop = () =>
      page.locator(".legend").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const legendBefore = await legendTop();
    await page.locator("svg.chart .overlay").hover({ position: { x: 2, y: 10 } });
    await expect.poll(() => page.locator(".tooltip-date").textContent()).toBe(usDay(plan.start));
    const cashLine = page.locator('.tooltip li[data-kind="cash"]');
    expect(await cashLine.locator(".money").textContent()).toBe(usd(plan.series?.cash[0] ?? NaN));
    // The tooltip floats over the chart: nothing below it moves, the page is no taller.
    expect(await page.locator(".tooltip").evaluate((el) => getComputedStyle(el).position)).toBe(
      "absolute",
    );
    expect(await legendTop()).toBe(legendBefore);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(heightBefore);
    // Keyboard: End jumps to the last day.
    await page.locator("svg.chart").focus();
    await page.keyboard.press("End");
    await expect.poll(() => page.locator(".tooltip-date").textContent()).toBe(usDay(plan.end));
    await page.keyboard.press("Escape");
  });

  test("a what-if budget change, picked by campaign name, re-plans, shows before → after, and resets", async () => {
    const summary = () => page.locator('[data-testid="summary"]').textContent();
    const before = await summary();
    const change = { kind: "budget", campaign: "101", budget: 0 };
    const expected = await rpc<PlanJson>(preview.url, "getPlan", [[change]]);
    const saved = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    // The fixture is chosen so that this change moves the cash run-out day (R10).
    expect(expected.account.cashRunsOutOn).not.toBe(saved.account.cashRunsOutOn);
    await page.selectOption("#wi-kind", "budget");
    // By name, as a person knows the campaign (101 is "Brand search").
    expect(saved.campaigns.find((c) => c.id === "101")?.name).toBe("Brand search");
    await page.fill("#wi-campaign", "brand search");
    await page.fill("#wi-budget", "0");
    await page.click("#wi-add");
    const after = usDay(expected.account.cashRunsOutOn);
    const beforeDay = usDay(saved.account.cashRunsOutOn);
    // Before → after on the figure the change moves.
    await expect.poll(() => figure(page, "Cash runs out")).toBe(`${beforeDay} → ${after}`);
    expect(await figure(page, "Will be used")).toContain(usd(expected.totals.creditFunded));
    // The change itself reads with the campaign's name and the new value.
    const changeText = (await page.locator(".changes li").first().textContent()) ?? "";
    expect(changeText).toContain("Brand search");
    expect(changeText).toContain(usd(0));
    expect(await summary()).not.toBe(before);
    expect(await page.locator("#whatif-banner").isVisible()).toBe(true);
    expect(await page.locator("#whatif-banner").textContent()).toContain("not saved");
    // Nothing was written: the server's own plan is unchanged.
    const still = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    expect(still.account.cashRunsOutOn).toBe(saved.account.cashRunsOutOn);
    await page.click("#whatif-reset");
    await expect.poll(summary).toBe(before);
    expect(await page.locator("#whatif-banner").isVisible()).toBe(false);
  });

  test("clicking a warning calls the server's selectCell with its sheet and cell (R11)", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    const target = plan.warnings.find((w) => w.sheet && w.cell);
    if (!target) throw new Error("fixture must have a warning pointing at a cell");
    const index = plan.warnings.filter((w) => w.sheet && w.cell).indexOf(target);
    await page.locator("button.warning-item").nth(index).click();
    await expect
      .poll(async () => (await previewState(preview.url)).selections)
      .toEqual([{ sheet: target.sheet, a1: target.cell }]);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain(`${target.sheet}!${target.cell}`);
  });

  test("Apply asks for confirmation first: cancel calls nothing, confirm applies (R12)", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    const recommendation = plan.recommendations[0];
    if (!recommendation) throw new Error("fixture must have a recommendation");
    const applyCalls = async () =>
      (await previewState(preview.url)).calls.filter((c) => c.startsWith("applyRecommendation"));

    await page.locator("button.apply").first().click();
    const dialog = page.locator('[role="dialog"]');
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await dialog.textContent()).toContain(recommendation.credit);
    expect(await applyCalls()).toEqual([]);
    // Names, not only ids, and the assignment being replaced.
    const credit = plan.credits.find((c) => c.id === recommendation.credit);
    const names = new Map(plan.campaigns.map((c) => [c.id, c.name]));
    const dialogText = (await dialog.textContent()) ?? "";
    expect(dialogText).toContain(credit?.name ?? "?");
    for (const id of recommendation.assign) expect(dialogText).toContain(names.get(id) ?? "?");
    const firstNow = credit?.assignedCampaigns[0];
    expect(await dialog.locator("dd.before").textContent()).toContain(
      firstNow === undefined ? "no campaign" : (names.get(firstNow) ?? firstNow),
    );
    expect(await dialog.locator("dd.after").textContent()).toContain(
      names.get(recommendation.assign[0]) ?? "?",
    );
    await dialog.locator('[data-action="cancel"]').click();
    expect(await dialog.count()).toBe(0);
    expect(await applyCalls()).toEqual([]);
    expect((await previewState(preview.url)).assignmentLog).toEqual([]);

    await page.locator("button.apply").first().click();
    await page.locator('[role="dialog"] [data-action="confirm"]').click();
    await expect.poll(async () => (await applyCalls()).length).toBe(1);
    await expect.poll(() => page.locator("#status").textContent()).toContain("in-memory copy");
    const state = await previewState(preview.url);
    expect(state.assignmentLog[1].slice(1)).toEqual([
      recommendation.credit,
      "",
      recommendation.assign.join(", "),
    ]);
    // Re-planned after Apply: the applied credit is now assigned as recommended.
    const after = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    const appliedCredit = after.credits.find((c) => c.id === recommendation.credit);
    expect(appliedCredit?.assignedCampaigns).toEqual(recommendation.assign);
  });

  test("Undo puts the last Apply back and logs it like any other change", async () => {
    const before = await previewState(preview.url);
    const applied = before.assignmentLog[before.assignmentLog.length - 1];
    await expect.poll(() => page.locator("#undo").isVisible()).toBe(true);
    await page.click("#undo");
    await expect.poll(() => page.locator("#status").textContent()).toContain("Undone");
    const state = await previewState(preview.url);
    expect(state.assignmentLog).toHaveLength(before.assignmentLog.length + 1);
    // The undo line is the Apply's line reversed: from what Apply wrote back to what was there.
    expect(state.assignmentLog[state.assignmentLog.length - 1].slice(1)).toEqual([
      applied[1],
      applied[3],
      applied[2],
    ]);
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    expect(plan.credits.find((c) => c.id === applied[1])?.assignedCampaigns).toEqual([]);
    expect(await page.locator("#undo").count()).toBe(0);
  });

  test("Write plan to sheets writes the in-memory copy and says so", async () => {
    await page.click("#write");
    await expect.poll(() => page.locator("#status").textContent()).toContain("in-memory copy");
    expect((await previewState(preview.url)).ownedSheets.length).toBeGreaterThan(0);
  });

  test("every input has a label and every control is keyboard reachable", async () => {
    const unlabeled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select"))
        .filter((el) => (el as HTMLInputElement).labels?.length === 0)
        .map((el) => el.id),
    );
    expect(unlabeled).toEqual([]);
    const unreachable = await page.evaluate(() =>
      Array.from(document.querySelectorAll("button, input, select, svg.chart"))
        .filter((el) => (el as HTMLElement).tabIndex < 0)
        .map((el) => el.outerHTML.slice(0, 60)),
    );
    expect(unreachable).toEqual([]);
    // From a fresh load, the first Tab reaches the first action button.
    await page.reload();
    await page.waitForSelector("body[data-plan-state]");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("write");
  });

  test("the page stays within 300 px, logs no console errors, and is kept as a screenshot", async () => {
    expect(await pageWidth(page)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await page.locator("button.apply").first().click();
    expect(await pageWidth(page)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await page.locator('[role="dialog"] [data-action="cancel"]').click();
    mkdirSync(resolve(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: resolve(ROOT, "test-artifacts/sidebar.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("reads like an add-on: values never wrap, text ≥ 12 px, no rule ids; a screenshot per section", async () => {
    // A hovered day and an open dialog are part of what a person reads.
    await page.locator("svg.chart .overlay").hover({ position: { x: 120, y: 40 } });
    const report = await readingReport(page);
    expect(report.wrapped).toEqual([]);
    expect(report.small).toEqual([]);
    expect(report.text).not.toMatch(/\bR\d{1,2}\b/);
    // Sheets shows the sidebar's title; the page does not repeat it.
    expect(await page.locator("h1").count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(
      /^Roboto, Arial, sans-serif$/,
    );
    mkdirSync(resolve(ROOT, "test-artifacts"), { recursive: true });
    for (const id of [
      "summary-section",
      "chart",
      "whatif",
      "recommendations",
      "warnings",
      "credits",
      "campaigns",
    ]) {
      await page
        .locator(`#${id}`)
        .screenshot({ path: resolve(ROOT, `test-artifacts/sidebar-${id}.png`) });
    }
    await page.locator("button.apply").first().click();
    await page.screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-apply-dialog.png") });
    await page.locator('[role="dialog"] [data-action="cancel"]').click();
  });

  test("Ctrl-C/SIGTERM stops the preview cleanly", async () => {
    expect(await preview.stop()).toBe(0);
    expect(preview.output()).toContain("Preview stopped");
  });
});

describe("names that try to spoof the display (bidi overrides, 10,000 characters, long ids)", () => {
  let dir: string;
  let preview: PreviewProcess;
  const rlo = "Promo \u202Edetaeper\u202C winter";
  const long = `Long ${"x".repeat(10_000)}`;
  const longId = "7123456789012345678";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sidebar-names-"));
    writeFileSync(
      join(dir, "campaigns.csv"),
      `Campaign ID,Campaign name,Status,Budget\n${longId},${rlo},Active,20\n302,${long},Active,10\n`,
    );
    writeFileSync(
      join(dir, "credits.csv"),
      `Credit ID,Name,Type,Amount,Status,Issue date,Valid until,Assigned campaigns\n8123456789012345678,${rlo},Assignable,300,Available,2026-11-25,2026-12-15,\nF1,${long},Free,100,Available,2026-11-25,2026-12-20,\n`,
    );
    writeFileSync(
      join(dir, "account.csv"),
      "Setting,Value\nPlan start,2026-12-01\nHorizon days,30\nCash balance,500\n",
    );
    preview = await startPreviewProcess(dir);
  });

  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("user text is isolated, long names stay one line with the full text on hover, long ids are shortened", async () => {
    const { page, errors } = await openSidebar(preview.url);
    await page.locator("svg.chart .overlay").hover({ position: { x: 50, y: 40 } });
    const report = await page.evaluate(
      ({ rlo, long }) => {
        const notIsolated: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.includes("\u202E")) continue;
          const parent = node.parentElement;
          // Plain-text titles (SVG tooltips) isolate with FSI … PDI around the name.
          if (parent?.tagName === "title") {
            if (!/\u2068[^\u2069]*\u202E[^\u2069]*\u2069/.test(node.textContent)) {
              notIsolated.push(parent.outerHTML.slice(0, 80));
            }
            continue;
          }
          if (parent && getComputedStyle(parent).unicodeBidi !== "isolate") {
            notIsolated.push(parent.outerHTML.slice(0, 80));
          }
        }
        const tallNames = Array.from(document.querySelectorAll<HTMLElement>(".name"))
          .filter((el) => el.offsetParent !== null && el.getClientRects().length > 0)
          .filter((el) => el.getBoundingClientRect().height > 40)
          .map((el) => el.textContent?.slice(0, 20));
        const titled = Array.from(document.querySelectorAll<HTMLElement>(".name")).filter(
          (el) => el.title === long,
        ).length;
        const rloTitled = Array.from(document.querySelectorAll<HTMLElement>(".name")).filter(
          (el) => el.title === rlo,
        ).length;
        return {
          notIsolated,
          tallNames,
          titled,
          rloTitled,
          height: document.documentElement.scrollHeight,
        };
      },
      { rlo, long },
    );
    expect(report.notIsolated).toEqual([]);
    expect(report.tallNames).toEqual([]);
    expect(report.titled).toBeGreaterThanOrEqual(2);
    expect(report.rloTitled).toBeGreaterThanOrEqual(2);
    // Was 55,872 px with the long name wrapped; now the page is its usual height.
    expect(report.height).toBeLessThan(5_000);
    expect(await pageWidth(page)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    // A 19-digit id shows shortened, the full id in its title.
    const shortened = page.locator(`#campaigns .id[title="${longId}"]`);
    expect(await shortened.textContent()).toBe("7123…5678");
    mkdirSync(resolve(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({
      path: resolve(ROOT, "test-artifacts/sidebar-hostile-names.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("names holding HTML, script or formulas", () => {
  let preview: PreviewProcess;

  beforeAll(async () => {
    preview = await startPreviewProcess(join(FIXTURES, "xss"));
  });

  afterAll(async () => {
    await preview?.stop();
  });

  test("never run and show as text", async () => {
    const { page, errors } = await openSidebar(preview.url);
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    expect(await page.locator("body").getAttribute("data-status")).toBe("ready");
    // Open every dialog and readout that shows names.
    await page.locator("svg.chart .overlay").hover({ position: { x: 5, y: 5 } });
    if ((await page.locator("button.apply").count()) > 0) {
      await page.locator("button.apply").first().click();
    }
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    // Only the preview's stand-in and the sidebar's own script.
    expect(await page.locator("script").count()).toBe(2);
    const text = (await page.locator("body").textContent()) ?? "";
    for (const name of [
      "<img src=x onerror=window.__xss=1>",
      "<script>window.__xss=1</script>",
      '=IMPORTXML("http://x","//a")',
    ]) {
      expect(text).toContain(name);
    }
    for (const campaign of plan.campaigns) {
      expect(await page.locator("#campaigns .name", { hasText: campaign.name }).count()).toBe(1);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a workbook the server cannot plan", () => {
  test("shows the server's error message, never a blank panel", async () => {
    const preview = await startPreviewProcess(join(FIXTURES, "broken"));
    try {
      const { page } = await openSidebar(preview.url);
      const message = await rpc(preview.url, "getPlan", [null]).then(
        () => "",
        (error: Error) => error.message,
      );
      expect(message).not.toBe("");
      expect(await page.locator("body").getAttribute("data-status")).toBe("error");
      expect(await page.locator("#status").textContent()).toContain(message);
      expect(await page.locator("#status").getAttribute("role")).toBe("alert");
      await page.close();
    } finally {
      await preview.stop();
    }
  });
});

describe("a bigger account", () => {
  let dir: string;
  let preview: PreviewProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sidebar-big-"));
    const campaigns = ["Campaign ID,Campaign name,Status,Budget"];
    for (let i = 1; i <= 150; i++)
      campaigns.push(`${1000 + i},Campaign ${i},Active,${5 + (i % 7)}`);
    const credits = ["Credit ID,Type,Amount,Status,Issue date,Valid until"];
    for (let i = 1; i <= 12; i++) {
      credits.push(
        `K${i},Free,${100 * i},Available,2026-11-20,2026-12-${String(5 + i).padStart(2, "0")}`,
      );
    }
    writeFileSync(join(dir, "campaigns.csv"), `${campaigns.join("\n")}\n`);
    writeFileSync(join(dir, "credits.csv"), `${credits.join("\n")}\n`);
    writeFileSync(
      join(dir, "account.csv"),
      "Setting,Value\nPlan start,2026-12-01\nHorizon days,45\nCash balance,20000\n",
    );
    preview = await startPreviewProcess(dir);
  });

  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the chart draws the biggest 8 credits plus one 'others' line; long tables page", async () => {
    const { page, errors } = await openSidebar(preview.url);
    expect(await page.locator("svg.chart path.line-credit").count()).toBe(8);
    expect(await page.locator("svg.chart path.line-others").count()).toBe(1);
    expect(await page.locator(".legend").textContent()).toContain("4 other credits");
    const rows = page.locator("#campaigns tbody tr");
    expect(await rows.count()).toBe(100);
    await page.locator("#campaigns button.more").click();
    expect(await rows.count()).toBe(150);
    expect(await page.locator("#campaigns button.more").count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("preview command line (CONTRACT §2)", () => {
  test.each([
    [["--port", "not-a-port"]],
    [["--workbook", "/no/such/workbook/dir"]],
    [["--colour"]],
  ])("bad arguments %j exit with 2 and one line", (argv) => {
    const run = spawnSync(process.execPath, ["dist/preview.mjs", ...argv], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
