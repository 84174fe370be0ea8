/**
 * The sidebar's answers in a real browser at 300 px, over the sample
 * workbook: money needed and the top-up advice with their dates (R13), a
 * band on the chart for each run of stopped days with top-ups and landings
 * marked (R14), the advice before → after a what-if, and skipped rows
 * leading the page (R16). Every expected figure comes from the server's plan.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PlanJson } from "../../src/sheets/planJson";
import {
  figure,
  type PreviewProcess,
  ROOT,
  readingReport,
  rpc,
  SIDEBAR_WIDTH,
  startPreviewProcess,
  usDay,
  usd,
  useSidebarBrowser,
} from "./previewHarness";

const SAMPLE = resolve(ROOT, "examples/sample-workbook");
const openSidebar = useSidebarBrowser(900);

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The runs of days on which any campaign is stopped, from the campaigns' own stops (R14). */
function stoppedRuns(plan: PlanJson): { from: string; to: string }[] {
  const days = new Set<string>();
  for (const campaign of plan.campaigns) {
    for (const stop of campaign.stops) {
      for (let d = stop.from; d <= stop.to; d = nextDay(d)) days.add(d);
    }
  }
  const runs: { from: string; to: string }[] = [];
  for (const d of [...days].sort()) {
    const last = runs[runs.length - 1];
    if (last && nextDay(last.to) === d) last.to = d;
    else runs.push({ from: d, to: d });
  }
  return runs;
}

describe("the sidebar's answers over the sample workbook", () => {
  let preview: PreviewProcess;
  let page: Page;
  let errors: string[];
  let plan: PlanJson;

  beforeAll(async () => {
    preview = await startPreviewProcess(SAMPLE);
    ({ page, errors } = await openSidebar(preview.url));
    await page.waitForSelector("body[data-plan-state=ready]");
    plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
  });

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
  });

  test("R13: money needed beside what cash and card pay, and each advised top-up with its dates", async () => {
    expect(plan.advice.topUps.length).toBeGreaterThan(0);
    expect(await figure(page, "Money needed")).toBe(usd(plan.totals.moneyNeeded));
    expect(await figure(page, "Cash needed")).toBe(usd(plan.totals.outOfPocket));
    expect(await figure(page, "Top-ups advised")).toBe(usd(plan.advice.total));
    const items = page.locator("#advice li.top-up");
    expect(await items.count()).toBe(plan.advice.topUps.length);
    for (const [i, topUp] of plan.advice.topUps.entries()) {
      const text = (await items.nth(i).textContent()) ?? "";
      expect(text).toContain(`Top up ${usd(topUp.amount)} by ${usDay(topUp.date)}`);
      expect(text).toContain(`through ${usDay(topUp.until)}`);
    }
    // The sample has no card: no card part is claimed.
    expect(plan.account.cardLimit).toBeNull();
    expect(await page.locator("#advice").textContent()).not.toContain("card pays");
    expect(await page.locator("#skipped-rows").count()).toBe(0);
  });

  test("R14: a band for each run of stopped days, top-ups and landings marked; every stop in the campaigns table", async () => {
    const expected = stoppedRuns(plan);
    // The sample stops on 2027-01-04, resumes after the 2027-01-10 top-up and stops again.
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const bands = await page
      .locator("svg.chart rect.stop-band")
      .evaluateAll((els) =>
        els.map((el) => ({ from: el.getAttribute("data-from"), to: el.getAttribute("data-to") })),
      );
    expect(bands).toEqual(expected);
    const series = plan.series!;
    const marked = (selector: string) =>
      page
        .locator(`svg.chart path.${selector}`)
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-date")));
    const inHorizon = (date: string) => date >= plan.start && date <= plan.end;
    expect(await marked("top-up.advised")).toEqual(plan.advice.topUps.map((t) => t.date));
    expect(await marked("top-up:not(.advised)")).toEqual(
      series.topUps.filter((t) => !t.advised && inHorizon(t.date)).map((t) => t.date),
    );
    expect(await marked("top-up:not(.advised)")).toContain("2027-01-10");
    expect(await marked("landing")).toEqual(
      series.landings.filter((l) => inHorizon(l.date)).map((l) => l.date),
    );
    expect(await page.locator('.legend li[data-kind="stop-band"]').count()).toBe(1);
    // Hovering a stopped day reads what is not delivered that day.
    const first = expected[0].from;
    await page.locator("svg.chart").focus();
    await page.keyboard.press("Home");
    for (let d = plan.start; d < first; d = nextDay(d)) await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator(".tooltip-date").textContent()).toBe(usDay(first));
    const index = Math.round((Date.parse(first) - Date.parse(plan.start)) / 86_400_000);
    expect(await page.locator('.tooltip li[data-kind="undelivered"] .money').textContent()).toBe(
      usd(series.undelivered[index]),
    );
    await page.keyboard.press("Escape");
    // Every stop of every campaign, from and to.
    for (const campaign of plan.campaigns) {
      const row = page.locator("#campaigns tbody tr", {
        has: page.locator(`.id[title="${campaign.id}"], .id:text-is("${campaign.id}")`),
      });
      const stops = await row
        .locator(".stop")
        .evaluateAll((els) =>
          els.map((el) => ({ from: el.getAttribute("data-from"), to: el.getAttribute("data-to") })),
        );
      expect(stops).toEqual(campaign.stops);
    }
    mkdirSync(resolve(ROOT, "test-artifacts"), { recursive: true });
    await page
      .locator("#chart")
      .screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-sample-chart.png") });
    await page
      .locator("#summary-section")
      .screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-sample-advice.png") });
    await page
      .locator("#campaigns")
      .screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-sample-campaigns.png") });
  });

  test("a what-if shows the advice before → after", async () => {
    const biggest = [...plan.campaigns].sort((a, b) => b.demand - a.demand)[0];
    const change = { kind: "budget", campaign: biggest.id, budget: 0 };
    const expected = await rpc<PlanJson>(preview.url, "getPlan", [[change]]);
    expect(expected.advice.total).not.toBe(plan.advice.total);
    await page.selectOption("#wi-kind", "budget");
    await page.fill("#wi-campaign", biggest.name);
    await page.fill("#wi-budget", "0");
    await page.click("#wi-add");
    // The re-plan draws twice (the plan, then with recommendations): read the last drawing.
    await expect.poll(() => page.locator("#status").textContent()).toContain("what-if, not saved");
    await page.waitForSelector("#status.ready");
    await expect
      .poll(() => figure(page, "Top-ups advised"))
      .toBe(`${usd(plan.advice.total)} → ${usd(expected.advice.total)}`);
    expect(await figure(page, "Money needed")).toBe(
      `${usd(plan.totals.moneyNeeded)} → ${usd(expected.totals.moneyNeeded)}`,
    );
    const listed = (selector: string) =>
      page.locator(`#advice ${selector} li.top-up`).allTextContents();
    const before = await listed(".advice-list.was");
    expect(before).toHaveLength(plan.advice.topUps.length);
    plan.advice.topUps.forEach((t, i) => {
      expect(before[i]).toContain(`Top up ${usd(t.amount)} by ${usDay(t.date)}`);
    });
    const after = await listed(".advice-list.after");
    expect(after).toHaveLength(expected.advice.topUps.length);
    expected.advice.topUps.forEach((t, i) => {
      expect(after[i]).toContain(`Top up ${usd(t.amount)} by ${usDay(t.date)}`);
    });
    await page
      .locator("#summary-section")
      .screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-sample-whatif-advice.png") });
    await page.click("#whatif-reset");
    await expect.poll(() => page.locator("#advice .advice-list.was").count()).toBe(0);
  });

  test("reads as a person reads it: values whole, text ≥ 12 px, no rule ids, 300 px", async () => {
    await page.locator("svg.chart .overlay").hover({ position: { x: 200, y: 60 } });
    const report = await readingReport(page);
    expect(report.wrapped).toEqual([]);
    expect(report.small).toEqual([]);
    expect(report.text).not.toMatch(/\bR\d{1,2}\b/);
    expect(
      await page.evaluate(() =>
        Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      ),
    ).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await page.screenshot({
      path: resolve(ROOT, "test-artifacts/sidebar-sample.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  });
});

describe("a workbook with skipped rows (R16)", () => {
  let dir: string;
  let preview: PreviewProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sidebar-skipped-"));
    writeFileSync(
      join(dir, "campaigns.csv"),
      "Campaign ID,Campaign name,Status,Budget\n101,Brand search,Active,20\n102,Retargeting,Active,abc\n",
    );
    writeFileSync(
      join(dir, "credits.csv"),
      "Credit ID,Type,Amount,Status,Issue date,Valid until\nF1,Free,100,Available,2026-11-25,2026-12-20\n",
    );
    writeFileSync(
      join(dir, "account.csv"),
      "Setting,Value\nPlan start,2026-12-01\nHorizon days,30\nCash balance,50\n",
    );
    preview = await startPreviewProcess(dir);
  });

  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the skipped rows lead the page, above the summary and in the status line", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    expect(plan.complete).toBe(false);
    expect(plan.inputs.campaigns.skipped).toBe(1);
    const { page, errors } = await openSidebar(preview.url);
    await page.waitForSelector("body[data-plan-state=ready]");
    const note = "1 of 2 campaign rows was skipped — this plan leaves it out.";
    expect(await page.locator("#skipped-rows").textContent()).toContain(note);
    // Before any total: the note comes before the summary in the page.
    const leads = await page.evaluate(() => {
      const skipped = document.getElementById("skipped-rows");
      const summary = document.getElementById("summary-section");
      return Boolean(
        skipped &&
          summary &&
          skipped.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(leads).toBe(true);
    const status = (await page.locator("#status").textContent()) ?? "";
    expect(status.startsWith(note)).toBe(true);
    // Not the all-clear green of a complete plan.
    expect(await page.locator("#status").getAttribute("class")).not.toContain("ready");
    mkdirSync(resolve(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-skipped-rows.png") });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a card with a limit as the fallback (R13)", () => {
  let dir: string;
  let preview: PreviewProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sidebar-card-"));
    writeFileSync(
      join(dir, "campaigns.csv"),
      "Campaign ID,Campaign name,Status,Budget\n101,Brand search,Active,20\n",
    );
    writeFileSync(
      join(dir, "credits.csv"),
      "Credit ID,Type,Amount,Status,Issue date,Valid until\nF1,Free,50,Available,2026-11-25,2026-12-20\n",
    );
    writeFileSync(
      join(dir, "account.csv"),
      "Setting,Value\nPlan start,2026-12-01\nHorizon days,30\nCash balance,100\nFallback payment,Card\nCard limit,80\n",
    );
    preview = await startPreviewProcess(dir);
  });

  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("each advised top-up says what the card pays then, and the limit's part in all", async () => {
    const plan = await rpc<PlanJson>(preview.url, "getPlan", [null]);
    expect(plan.account.cardLimit).not.toBeNull();
    expect(plan.advice.topUps.length).toBeGreaterThan(0);
    const { page, errors } = await openSidebar(preview.url);
    await page.waitForSelector("body[data-plan-state=ready]");
    const items = page.locator("#advice li.top-up");
    expect(await items.count()).toBe(plan.advice.topUps.length);
    for (const [i, topUp] of plan.advice.topUps.entries()) {
      expect(await items.nth(i).textContent()).toContain(
        `the card pays ${usd(topUp.cardPays)} then`,
      );
    }
    expect(await page.locator("#advice").textContent()).toContain(
      `${usd(plan.advice.cardPaysWithAdvice)} of its ${usd(plan.account.cardLimit ?? NaN)} limit`,
    );
    const report = await readingReport(page);
    expect(report.wrapped).toEqual([]);
    expect(report.small).toEqual([]);
    await page
      .locator("#summary-section")
      .screenshot({ path: resolve(ROOT, "test-artifacts/sidebar-card-advice.png") });
    expect(errors).toEqual([]);
    await page.close();
  });
});
