/**
 * The sidebar planner: loads the plan from the server, renders it, and runs
 * the user's actions (refresh, write, apply, select a cell, what-if). The
 * panel always says what it is doing: loading, ready, or the server's error.
 */
import type { PlanJson, RecommendationJson, WarningJson } from "../sheets/planJson";
import { renderChart } from "./chart";
import { chartData } from "./chartData";
import { confirmDialog } from "./dialog";
import { byId, h, replaceChildren } from "./dom";
import { money } from "./format";
import { callServer, describeApply, describeWrite, errorMessage } from "./rpc";
import {
  newViews,
  renderCampaigns,
  renderCredits,
  renderRecommendations,
  renderSummary,
  renderWarnings,
} from "./sections";
import { createWhatIfPanel } from "./whatIfPanel";

type StatusKind = "loading" | "ready" | "error" | "info";

const statusBox = byId<HTMLDivElement>("status");
const planBox = byId<HTMLDivElement>("plan");
const banner = byId<HTMLDivElement>("whatif-banner");
const refreshButton = byId<HTMLButtonElement>("refresh");
const writeButton = byId<HTMLButtonElement>("write");

let plan: PlanJson | null = null;
let planRequest = 0;
let busy = false;
const views = newViews();
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
  planBox.querySelectorAll<HTMLButtonElement>("button.apply").forEach((button) => {
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
  const body = h("div", { attrs: { id } }, ...content);
  return h("details", { attrs: { open: "" } }, h("summary", null, title), body);
}

function drawPlan(current: PlanJson): void {
  const chart = chartData(current);
  const warningsBox = h("div", { attrs: { id: "warnings-list" } });
  const drawWarnings = () =>
    replaceChildren(
      warningsBox,
      renderWarnings(current.warnings, views, selectWarningCell, drawWarnings),
    );
  drawWarnings();
  replaceChildren(
    planBox,
    h(
      "section",
      { attrs: { id: "summary-section", "aria-label": "Summary" } },
      renderSummary(current),
    ),
    section(
      "chart",
      "Draw-down",
      chart
        ? renderChart(chart, current.currency)
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
  );
  whatIf.update(current);
  setBusy(busy);
}

function planLine(current: PlanJson, changeCount: number): string {
  return (
    `Plan ${current.start} – ${current.end}: ${current.credits.length} credits, ${current.campaigns.length} campaigns` +
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
    // The plan first, then R12: re-running the plan per credit takes seconds on big accounts.
    const first = await callServer("getPlan", whatIfArg, { recommendations: false });
    if (request !== planRequest) return; // A newer request is on its way.
    plan = first;
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
    drawPlan(next);
    setStatus("ready", planLine(next, changes.length));
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
  if (busy) return;
  const currency = plan?.currency ?? "";
  const confirmed = await confirmDialog(
    `Apply to credit ${recommendation.credit}?`,
    [
      h(
        "p",
        null,
        "This writes the Assigned campaigns cell of credit ",
        h("strong", null, recommendation.credit),
        " in the Credits sheet:",
      ),
      h("p", { className: "id" }, recommendation.assign.join(", ") || "(no campaign)"),
      h(
        "p",
        null,
        `Credit expiring unused: ${money(recommendation.expiredBefore, currency)} → ${money(recommendation.expiredAfter, currency)}. ` +
          "The change is logged in the Assignment log sheet, so it can be undone by hand.",
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
  setStatus("loading", `Applying the recommendation for credit ${recommendation.credit}…`);
  try {
    const result = await callServer("applyRecommendation", recommendation.credit, [
      ...recommendation.assign,
    ]);
    setBusy(false);
    await loadPlan(); // R12: applying one recommendation changes the others.
    setStatus("info", describeApply(result, recommendation.credit));
  } catch (error) {
    setBusy(false);
    setStatus("error", `Could not apply: ${errorMessage(error)}`);
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

refreshButton.addEventListener("click", () => void loadPlan());
writeButton.addEventListener("click", () => void writePlan());
// Anything unexpected still ends up visible, never as a blank panel.
window.addEventListener("error", (event) => setStatus("error", `Sidebar error: ${event.message}`));
window.addEventListener("unhandledrejection", (event) =>
  setStatus("error", `Sidebar error: ${errorMessage(event.reason)}`),
);

void loadPlan();
