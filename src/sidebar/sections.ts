/** Renders the plan's parts: summary, credits, campaigns, warnings, recommendations. */

import type {
  CampaignJson,
  CreditJson,
  PlanJson,
  RecommendationJson,
  WarningJson,
} from "../sheets/planJson";
import { type Child, h } from "./dom";
import { day, money, shortDay } from "./format";
import { atRiskFirst } from "./sorting";
import { summarize } from "./summary";
import { type Column, sortableTable, type TableView } from "./table";

function figure(label: string, value: string, note: Child, className = ""): HTMLElement {
  return h(
    "div",
    { className: `figure ${className}` },
    h("dt", null, label),
    h("dd", null, h("span", { className: "value" }, value), note && h("small", null, note)),
  );
}

export function renderSummary(plan: PlanJson): HTMLElement {
  const s = summarize(plan);
  const c = plan.currency;
  return h(
    "dl",
    { className: "summary", attrs: { "data-testid": "summary" } },
    figure("Credit left now", money(s.creditLeftNow, c), null),
    figure("Will be used", money(s.willBeUsed, c), `${plan.start} – ${plan.end}`),
    figure(
      "Will expire unused",
      money(s.willExpire, c),
      s.firstExpiryOn ? `first on ${s.firstExpiryOn}` : "none in the horizon",
      s.willExpire > 0 ? "bad" : "",
    ),
    figure(
      "Cash needed",
      money(s.cashNeeded, c),
      `cash ${money(s.cashFunded, c)} + card ${money(s.cardFunded, c)}`,
    ),
    figure("First cash fallback", day(s.firstFallbackOn), "R10: a campaign starts paying cash"),
    figure(
      "Cash runs out",
      day(s.cashRunsOutOn),
      s.undelivered > 0 ? `${money(s.undelivered, c)} not delivered` : null,
      s.cashRunsOutOn ? "bad" : "",
    ),
  );
}

/** A short day with the full `YYYY-MM-DD` as its tooltip. */
function dateCell(date: string | null, planStart: string): HTMLElement {
  return h(
    "time",
    date ? { attrs: { datetime: date, title: date } } : null,
    shortDay(date, planStart),
  );
}

export interface Views {
  credits: TableView;
  campaigns: TableView;
  warningsLimit: number;
}

export function newViews(): Views {
  return {
    credits: { sort: { key: null, direction: "asc" }, limit: 100 },
    campaigns: { sort: { key: null, direction: "asc" }, limit: 100 },
    warningsLimit: 50,
  };
}

export function renderCredits(plan: PlanJson, view: TableView): HTMLElement {
  const c = plan.currency;
  const columns: Column<CreditJson>[] = [
    {
      key: "id",
      label: "Credit",
      sortValue: (r) => r.id,
      cell: (r) => [
        h("span", { className: "id" }, r.id),
        h(
          "small",
          { className: "sub" },
          `${r.typeLabel ?? r.type} · ${r.status} · last day ${day(r.lastUsableDay)}`,
        ),
      ],
    },
    {
      key: "left",
      label: "Left now",
      numeric: true,
      sortValue: (r) => r.remainingAtStart,
      cell: (r) => money(r.remainingAtStart, c),
    },
    {
      key: "used",
      label: "Used",
      numeric: true,
      sortValue: (r) => r.used,
      cell: (r) => money(r.used, c),
    },
    {
      key: "expired",
      label: "Expires unused",
      numeric: true,
      sortValue: (r) => r.expired,
      cell: (r) => [
        money(r.expired, c),
        r.expired > 0 && h("small", { className: "sub" }, "on ", dateCell(r.expiresOn, plan.start)),
      ],
    },
  ];
  return sortableTable({
    caption: "Credits, at risk first",
    columns,
    rows: plan.credits,
    defaultOrder: atRiskFirst,
    view,
    pageSize: 100,
    emptyText: "No credits in the Credits sheet.",
    rowClass: (r) => (r.expired > 0 ? "at-risk" : ""),
  });
}

export function renderCampaigns(plan: PlanJson, view: TableView): HTMLElement {
  const c = plan.currency;
  const columns: Column<CampaignJson>[] = [
    {
      key: "name",
      label: "Campaign",
      sortValue: (r) => r.name || r.id,
      cell: (r) => [
        h("span", { className: "id" }, r.name || r.id),
        h("small", { className: "sub" }, `${r.id} · spend ${money(r.spend, c)}`),
      ],
    },
    {
      key: "credit",
      label: "Credit paid",
      numeric: true,
      sortValue: (r) => r.creditFunded,
      cell: (r) => money(r.creditFunded, c),
    },
    {
      key: "fallback",
      label: "Cash from",
      sortValue: (r) => r.cashFallbackOn,
      cell: (r) => dateCell(r.cashFallbackOn, plan.start),
    },
    {
      key: "stop",
      label: "Stops",
      sortValue: (r) => r.stoppedOn,
      cell: (r) => dateCell(r.stoppedOn, plan.start),
    },
  ];
  return sortableTable({
    caption: "Campaigns with cash fallback and stop days",
    columns,
    rows: plan.campaigns,
    defaultOrder: (rows) => [...rows],
    view,
    pageSize: 100,
    emptyText: "No campaigns in the Campaigns sheet.",
    rowClass: (r) => (r.stoppedOn ? "at-risk" : ""),
  });
}

export function renderWarnings(
  warnings: readonly WarningJson[],
  views: Views,
  onSelect: (warning: WarningJson) => void,
  redraw: () => void,
): HTMLElement {
  if (warnings.length === 0) return h("p", { className: "empty" }, "No warnings.");
  const shown = warnings.slice(0, views.warningsLimit);
  const items = shown.map((w) => {
    const place = w.sheet && w.cell ? `${w.sheet}!${w.cell}` : (w.sheet ?? "");
    const content: Child[] = [
      h("span", { className: `badge ${w.severity}` }, w.severity),
      " ",
      h("span", { className: "code" }, w.code),
      h("span", { className: "message" }, w.message),
      place && h("small", { className: "sub" }, place),
    ];
    const item =
      w.sheet && w.cell
        ? h(
            "button",
            {
              className: "warning-item",
              attrs: { type: "button", title: `Select ${place} in the sheet` },
              onClick: () => onSelect(w),
            },
            ...content,
          )
        : h("div", { className: "warning-item" }, ...content);
    return h("li", null, item);
  });
  const hidden = warnings.length - shown.length;
  return h(
    "div",
    null,
    h("ul", { className: "warnings" }, ...items),
    hidden > 0 &&
      h(
        "button",
        {
          className: "more",
          attrs: { type: "button" },
          onClick: () => {
            views.warningsLimit += 50;
            redraw();
          },
        },
        `Show ${Math.min(hidden, 50)} more (${hidden} not shown)`,
      ),
  );
}

export function renderRecommendations(
  plan: PlanJson,
  onApply: (recommendation: RecommendationJson) => void,
): HTMLElement {
  const c = plan.currency;
  const upperBound = h(
    "p",
    { className: "note" },
    `At most ${money(plan.creditUpperBound, c)} of credit can be used in this horizon, whatever the assignments (R12).`,
  );
  if (plan.recommendationsPending) {
    return h(
      "p",
      { className: "empty", attrs: { id: "recommendations-pending" } },
      "Working out which assignments would waste less…",
    );
  }
  if (plan.recommendations.length === 0) {
    return h(
      "div",
      null,
      h("p", { className: "empty" }, "No assignment would save credit."),
      upperBound,
    );
  }
  const items = plan.recommendations.map((r) =>
    h(
      "li",
      { className: "recommendation" },
      h(
        "div",
        null,
        "Assign credit ",
        h("strong", null, r.credit),
        " to ",
        h("span", { className: "id" }, r.assign.join(", ") || "no campaign"),
      ),
      h(
        "div",
        { className: "sub" },
        `Expires unused: ${money(r.expiredBefore, c)} → ${money(r.expiredAfter, c)}`,
      ),
      r.reason && h("div", { className: "sub" }, r.reason),
      h(
        "button",
        { className: "primary apply", attrs: { type: "button" }, onClick: () => onApply(r) },
        "Apply…",
      ),
    ),
  );
  return h("div", null, h("ul", { className: "recommendations" }, ...items), upperBound);
}
