/**
 * The sidebar planner: loads the plan from the server, renders it, and runs
 * the user's actions (refresh, write, apply, select a cell, what-if). The
 * panel always says what it is doing: loading, ready, or the server's error.
 */
import type { PlanJson, RecommendationJson, WarningJson } from "../sheets/planJson";
import { createAlertsPanel } from "./alertsPanel";
import { renderChart } from "./chart";
import { chartData } from "./chartData";
import { confirmDialog } from "./dialog";
import { byId, h, replaceChildren } from "./dom";
import { setLocale } from "./format";
import { type ApplyReply, callServer, describeApply, describeWrite, errorMessage } from "./rpc";
import {
  campaignList,
  creditLabel,
  newViews,
  planPeriod,
  renderAdvice,
  renderCampaigns,
  renderCredits,
  renderRecommendations,
  renderSkippedRows,
  renderSummary,
  renderWarnings,
} from "./sections";
import { installIdCopy, moneyText } from "./values";
import { createWhatIfPanel } from "./whatIfPanel";

type StatusKind = "loading" | "ready" | "error" | "info";

const statusBox = byId<HTMLDivElement>("status");
const planBox = byId<HTMLDivElement>("plan");
const banner = byId<HTMLDivElement>("whatif-banner");
const refreshButton = byId<HTMLButtonElement>("refresh");
const writeButton = byId<HTMLButtonElement>("write");

let plan: PlanJson | null = null;
/** The plan as saved (no what-if): the "before" of every what-if comparison. */
let saved: PlanJson | null = null;
let savedStale = true;
/** The last Apply of this session, for Undo (its result says what the cell held before). */
let lastApply: ApplyReply | null = null;
let planRequest = 0;
let busy = false;
const views = newViews();
const alertsPanel = createAlertsPanel(() => plan ?? { currency: "USD", minorUnits: 2 });
const whatIf = createWhatIfPanel(() => {
  drawBanner();
  void loadPlan();
});

function setStatus(kind: StatusKind, text: string): void {
  statusBox.className = `status ${kind}`;
  statusBox.setAttribute("role", kind === "error" ? "alert" : "status");
  statusBox.textContent = text;
  document.body.dataset.status = kind;
}

function setBusy(value: boolean): void {
  busy = value;
  writeButton.disabled = value;
  planBox.querySelectorAll<HTMLButtonElement>("button.apply, #undo").forEach((button) => {
    button.disabled = value;
  });
}

function drawBanner(): void {
  const changes = whatIf.changes();
  banner.hidden = changes.length === 0;
  if (changes.length === 0) return;
  replaceChildren(
    banner,
    h("strong", null, "What-if — not saved. "),
    `${changes.length} change${changes.length === 1 ? "" : "s"}; the sheets are unchanged.`,
    h(
      "button",
      { attrs: { type: "button", id: "whatif-reset" }, onClick: () => whatIf.reset() },
      "Reset",
    ),
  );
}

function section(id: string, title: string, ...content: (Node | null)[]): HTMLElement {
  const body = h("div", { attrs: { id } }, content);
  return h("details", { attrs: { open: "" } }, h("summary", null, title), body);
}

function drawUndo(): void {
  const box = document.getElementById("undo-bar");
  if (!box) return;
  box.hidden = lastApply === null;
  if (!lastApply || !plan) {
    replaceChildren(box);
    return;
  }
  const applied = lastApply;
  replaceChildren(
    box,
    h("span", null, "Applied to ", creditLabel(plan, applied.credit), "."),
    h(
      "button",
      { attrs: { type: "button", id: "undo" }, onClick: () => void undoLastApply(applied) },
      "Undo",
    ),
  );
}

function drawPlan(current: PlanJson): void {
  // Added by showPlanner (src/gas/main.ts); the preview has none: en-US.
  setLocale(document.querySelector<HTMLMetaElement>('meta[name="spreadsheet-locale"]')?.content);
  const chart = chartData(current);
  const before = whatIf.changes().length > 0 ? saved : null;
  const warningsBox = h("div", { attrs: { id: "warnings-list" } });
  const drawWarnings = () =>
    replaceChildren(warningsBox, renderWarnings(current, views, selectWarningCell, drawWarnings));
  drawWarnings();
  replaceChildren(
    planBox,
    h("div", { className: "undo-bar", attrs: { id: "undo-bar", role: "status" } }),
    // R16: skipped rows lead, before any total.
    renderSkippedRows(current),
    h(
      "section",
      { attrs: { id: "summary-section", "aria-label": "Summary" } },
      renderSummary(current, before),
      renderAdvice(current, before),
    ),
    section(
      "chart",
      "Draw-down",
      chart
        ? renderChart(chart, current)
        : h("p", { className: "empty" }, "No draw-down series in this plan."),
    ),
    section("whatif", "What-if", whatIf.element),
    section(
      "recommendations",
      `Recommendations (${current.recommendations.length})`,
      renderRecommendations(current, applyRecommendation),
    ),
    section("warnings", `Warnings (${current.warnings.length})`, warningsBox),
    section(
      "credits",
      `Credits (${current.credits.length})`,
      renderCredits(current, views.credits),
    ),
    section(
      "campaigns",
      `Campaigns (${current.campaigns.length})`,
      renderCampaigns(current, views.campaigns),
    ),
    alertsPanel,
  );
  whatIf.update(current, saved ?? current);
  drawUndo();
  setBusy(busy);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function planLine(current: PlanJson, changeCount: number): string {
  // R16: a plan that left rows out says so first.
  const skipped = (current.skippedRows ?? []).map((note) => `${note}. `);
  return (
    `${skipped.join("")}Plan ${planPeriod(current)}: ${count(current.credits.length, "credit")}, ${count(current.campaigns.length, "campaign")}` +
    (changeCount > 0 ? " (what-if, not saved)." : ".")
  );
}

async function loadPlan(): Promise<void> {
  const request = ++planRequest;
  const changes = whatIf.changes();
  setStatus(
    "loading",
    changes.length > 0 ? "Re-planning with your what-if changes…" : "Loading plan…",
  );
  try {
    performance.mark("plan-requested");
    const whatIfArg = changes.length > 0 ? [...changes] : null;
    if (whatIfArg && (saved === null || savedStale)) {
      // The before side of the comparison: the plan as saved, without R12.
      const base = await callServer("getPlan", null, { recommendations: false });
      if (request !== planRequest) return;
      saved = base;
      savedStale = false;
    }
    // The plan first, then R12: re-running the plan per credit takes seconds on big accounts.
    const first = await callServer("getPlan", whatIfArg, { recommendations: false });
    if (request !== planRequest) return; // A newer request is on its way.
    plan = first;
    if (!whatIfArg) {
      saved = first;
      savedStale = false;
    }
    drawPlan(first);
    setStatus("loading", `${planLine(first, changes.length)} Working out recommendations…`);
    // The frame after rendering is when the plan is on screen (read by scripts/bench-sidebar.mjs).
    requestAnimationFrame(() => {
      performance.mark("plan-shown");
      const w = window as { __planShownAt?: number };
      if (w.__planShownAt === undefined) w.__planShownAt = performance.now();
    });
    const next = await callServer("getPlan", whatIfArg);
    if (request !== planRequest) return;
    performance.mark("plan-received");
    plan = next;
    if (!whatIfArg) saved = next;
    drawPlan(next);
    // An incomplete plan is not shown as all-clear green (R16).
    setStatus(next.complete ? "ready" : "info", planLine(next, changes.length));
    document.body.dataset.planState = "ready";
    performance.mark("plan-rendered");
    requestAnimationFrame(() => {
      const w = window as { __recommendationsShownAt?: number };
      if (w.__recommendationsShownAt === undefined) w.__recommendationsShownAt = performance.now();
    });
  } catch (error) {
    if (request !== planRequest) return;
    setStatus("error", `Could not make the plan: ${errorMessage(error)}`);
    if (!plan) document.body.dataset.planState = "error";
  }
}

async function selectWarningCell(warning: WarningJson): Promise<void> {
  if (!warning.sheet || !warning.cell) return;
  const place = `${warning.sheet}!${warning.cell}`;
  try {
    await callServer("selectCell", warning.sheet, warning.cell);
    setStatus("info", `Selected ${place} in the sheet.`);
  } catch (error) {
    setStatus("error", `Could not select ${place}: ${errorMessage(error)}`);
  }
}

async function applyRecommendation(recommendation: RecommendationJson): Promise<void> {
  if (busy || !plan) return;
  const current = plan;
  const unit = current;
  const credit = current.credits.find((c) => c.id === recommendation.credit);
  const now = credit?.assignedCampaigns ?? [];
  const confirmed = await confirmDialog(
    "Apply this assignment?",
    [
      h("p", null, "Credit ", h("strong", null, creditLabel(current, recommendation.credit))),
      h(
        "dl",
        { className: "change" },
        h("dt", null, "Assigned now"),
        h("dd", { className: "before" }, campaignList(current, now)),
        h("dt", null, "Will be assigned"),
        h("dd", { className: "after" }, campaignList(current, recommendation.assign)),
        h("dt", null, "Expires unused"),
        h(
          "dd",
          null,
          moneyText(recommendation.expiredBefore, unit, "before"),
          " → ",
          moneyText(recommendation.expiredAfter, unit, "after"),
        ),
      ),
      h(
        "p",
        { className: "note" },
        "This writes the credit's Assigned campaigns cell in the Credits sheet and adds a line to the Assignment log. You can undo it right after.",
      ),
      whatIf.changes().length > 0 &&
        h("p", { className: "note" }, "Measured with your what-if changes, which stay unsaved."),
    ],
    "Apply",
  );
  if (!confirmed) {
    setStatus("info", "Nothing was changed.");
    return;
  }
  setBusy(true);
  setStatus("loading", "Applying the assignment…");
  try {
    const result = await callServer("applyRecommendation", recommendation.credit, [
      ...recommendation.assign,
    ]);
    lastApply = result && typeof result.before === "string" ? result : null;
    savedStale = true;
    setBusy(false);
    await loadPlan(); // R12: applying one recommendation changes the others.
    setStatus("info", describeApply(result, recommendation.credit));
  } catch (error) {
    setBusy(false);
    setStatus("error", `Could not apply: ${errorMessage(error)}`);
  }
}

async function undoLastApply(applied: ApplyReply): Promise<void> {
  if (busy) return;
  setBusy(true);
  setStatus("loading", "Undoing the last Apply…");
  try {
    const result = await callServer("undoApply", applied.credit, applied.before, applied.after);
    lastApply = null;
    savedStale = true;
    setBusy(false);
    await loadPlan();
    setStatus("info", `Undone. ${describeApply(result, applied.credit)}`);
  } catch (error) {
    setBusy(false);
    setStatus("error", `Could not undo: ${errorMessage(error)}`);
  }
}

async function writePlan(): Promise<void> {
  if (busy) return;
  setBusy(true);
  setStatus("loading", "Writing the plan to sheets…");
  try {
    const result = await callServer("writePlanToSheets");
    const note = whatIf.changes().length > 0 ? " What-if changes are not included." : "";
    setStatus("info", describeWrite(result) + note);
  } catch (error) {
    setStatus("error", `Could not write the plan: ${errorMessage(error)}`);
  } finally {
    setBusy(false);
  }
}

installIdCopy(document);
refreshButton.addEventListener("click", () => void loadPlan());
writeButton.addEventListener("click", () => void writePlan());
// Anything unexpected still ends up visible, never as a blank panel.
window.addEventListener("error", (event) => setStatus("error", `Sidebar error: ${event.message}`));
window.addEventListener("unhandledrejection", (event) =>
  setStatus("error", `Sidebar error: ${errorMessage(event.reason)}`),
);

void loadPlan();
