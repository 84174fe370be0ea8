/** Renders the plan's parts: summary, credits, campaigns, warnings, recommendations. */

import type {
  AdviceJson,
  CampaignJson,
  CreditJson,
  PlanJson,
  RecommendationJson,
  WarningJson,
} from "../sheets/planJson";
import { type Child, h } from "./dom";
import { day } from "./format";
import { richText } from "./message";
import { atRiskFirst } from "./sorting";
import { summarize } from "./summary";
import { type Column, sortableTable, type TableView } from "./table";
import { dateText, inlineName, moneyText, nameAndId } from "./values";

function figure(
  label: string,
  value: Node,
  note: Child,
  className = "",
  before: Node | null = null,
): HTMLElement {
  const shown =
    before && before.textContent !== value.textContent
      ? h(
          "span",
          { className: "value changed" },
          h("span", { className: "was" }, before),
          " → ",
          value,
        )
      : h("span", { className: "value" }, value);
  return h(
    "div",
    { className: `figure ${className}` },
    h("dt", null, label),
    h("dd", null, shown, note && h("small", null, note)),
  );
}

/**
 * The headline figures. With `saved` (the plan without the what-if changes),
 * a figure the changes move shows as `before → after`.
 */
export function renderSummary(plan: PlanJson, saved: PlanJson | null = null): HTMLElement {
  const s = summarize(plan);
  const b = saved ? summarize(saved) : null;
  const c = plan;
  return h(
    "dl",
    { className: "summary", attrs: { "data-testid": "summary" } },
    figure(
      "Credit available",
      moneyText(s.creditAvailable, c),
      s.creditIssued > 0
        ? h(
            "span",
            null,
            moneyText(s.creditAtStart, c),
            " now + ",
            moneyText(s.creditIssued, c),
            " issued later",
          )
        : null,
      "",
      b && moneyText(b.creditAvailable, c),
    ),
    figure(
      "Will be used",
      moneyText(s.willBeUsed, c),
      h("span", null, "by ", dateText(plan.end)),
      "",
      b && moneyText(b.willBeUsed, c),
    ),
    figure(
      "Will expire unused",
      moneyText(s.willExpire, c),
      s.firstExpiryOn
        ? h("span", null, "first on ", dateText(s.firstExpiryOn))
        : "none in the plan",
      s.willExpire > 0 ? "bad" : "",
      b && moneyText(b.willExpire, c),
    ),
    figure(
      "Cash needed",
      moneyText(s.cashNeeded, c),
      h("span", null, "cash ", moneyText(s.cashFunded, c), " · card ", moneyText(s.cardFunded, c)),
      "",
      b && moneyText(b.cashNeeded, c),
    ),
    figure(
      "Money needed",
      moneyText(s.moneyNeeded, c),
      "for every campaign to deliver",
      s.undelivered > 0 ? "bad" : "",
      b && moneyText(b.moneyNeeded, c),
    ),
    figure(
      "Top-ups advised",
      moneyText(s.topUpsAdvised, c),
      s.firstTopUpOn
        ? h(
            "span",
            null,
            `${s.topUpCount} top-up${s.topUpCount === 1 ? "" : "s"}, first by `,
            dateText(s.firstTopUpOn),
          )
        : "none needed",
      "",
      b && moneyText(b.topUpsAdvised, c),
    ),
    figure(
      "First cash fallback",
      dateText(s.firstFallbackOn),
      "a campaign starts paying cash",
      "",
      b && dateText(b.firstFallbackOn),
    ),
    figure(
      "Cash runs out",
      dateText(s.cashRunsOutOn),
      s.undelivered > 0 ? h("span", null, moneyText(s.undelivered, c), " not delivered") : null,
      s.cashRunsOutOn ? "bad" : "",
      b && dateText(b.cashRunsOutOn),
    ),
  );
}

/**
 * R16: one line per input sheet with skipped rows ("3 of 8 campaign rows
 * were skipped — this plan leaves them out"), shown above the summary; null
 * when the plan is complete.
 */
export function renderSkippedRows(plan: PlanJson): HTMLElement | null {
  const notes = plan.skippedRows ?? [];
  if (notes.length === 0) return null;
  return h(
    "div",
    { className: "skipped-rows", attrs: { id: "skipped-rows", role: "alert" } },
    notes.map((note) => h("p", null, `${note}.`)),
    h("p", { className: "sub" }, "The warnings below name each row and cell."),
  );
}

/** One advised top-up as a sentence: amount and day first, then what it keeps going. */
function adviceItem(
  topUp: AdviceJson["topUps"][number],
  plan: PlanJson,
  withCard: boolean,
): HTMLElement {
  return h(
    "li",
    { className: "top-up", attrs: { "data-date": topUp.date } },
    h("strong", null, "Top up ", moneyText(topUp.amount, plan), " by ", dateText(topUp.date)),
    h(
      "span",
      { className: "sub" },
      "keeps every campaign delivering through ",
      dateText(topUp.until),
      withCard
        ? h("span", null, "; the card pays ", moneyText(topUp.cardPays, plan), " then")
        : null,
    ),
  );
}

/** The advice as a list, or the sentence that says none is needed. */
function adviceList(plan: PlanJson, className: string): HTMLElement {
  const { advice } = plan;
  if (advice.topUps.length === 0) {
    return h(
      "p",
      { className: `advice-none ${className}`.trim() },
      "Nothing stops for lack of money: no top-up is needed.",
    );
  }
  const withCard = plan.account.cardLimit !== null;
  return h(
    "ul",
    { className: `advice-list ${className}`.trim() },
    advice.topUps.map((t) => adviceItem(t, plan, withCard)),
  );
}

function sameAdvice(a: PlanJson, b: PlanJson): boolean {
  return JSON.stringify(a.advice.topUps) === JSON.stringify(b.advice.topUps);
}

/**
 * R13 "What to do": the advised top-ups, each dated and sized as the plan
 * found them, and where a card with a limit pays after cash, the card's
 * part. With `saved` (the plan without the what-if) and other advice, the
 * advice before the changes shows above the advice with them.
 */
export function renderAdvice(plan: PlanJson, saved: PlanJson | null = null): HTMLElement {
  const c = plan;
  const cardLimit = plan.account.cardLimit;
  const changed = saved !== null && !sameAdvice(plan, saved);
  return h(
    "div",
    { className: "advice", attrs: { id: "advice", "data-testid": "advice" } },
    h("h2", null, "What to do"),
    changed && h("p", { className: "advice-label" }, "Before your what-if changes"),
    changed && saved && adviceList(saved, "was"),
    changed && h("p", { className: "advice-label" }, "With your what-if changes"),
    adviceList(plan, changed ? "after" : ""),
    plan.advice.topUps.length > 1 &&
      h(
        "p",
        { className: "note" },
        "In all ",
        moneyText(plan.advice.total, c),
        " of top-ups keep every campaign delivering.",
      ),
    cardLimit !== null &&
      h(
        "p",
        { className: "note" },
        "The card pays after cash: ",
        moneyText(plan.advice.cardPaysWithAdvice, c),
        " of its ",
        moneyText(cardLimit, c),
        " limit with these top-ups.",
      ),
  );
}

/** R14: every stop of a campaign, each `from – to` kept whole; a dash when it never stops. */
function stopsCell(campaign: CampaignJson): Child[] {
  if (campaign.stops.length === 0) return [dateText(null)];
  const parts: Child[] = [];
  campaign.stops.forEach((stop, i) => {
    if (i > 0) parts.push(" ");
    parts.push(
      h(
        "span",
        { className: "stop", attrs: { "data-from": stop.from, "data-to": stop.to } },
        dateText(stop.from),
        stop.to === stop.from ? null : h("span", null, " – ", dateText(stop.to)),
      ),
    );
  });
  return parts;
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
  const c = plan;
  const columns: Column<CreditJson>[] = [
    {
      key: "id",
      label: "Credit",
      sortValue: (r) => r.name || r.id,
      cell: (r) => {
        const [first, second] = nameAndId(r.name, r.id);
        const kind = `${r.typeLabel ?? r.type} · ${r.statusLabel ?? r.status}`;
        return second
          ? [first, h("small", { className: "sub" }, second, ` · ${kind}`)]
          : [first, h("small", { className: "sub" }, kind)];
      },
    },
    {
      key: "left",
      label: "Left now",
      numeric: true,
      sortValue: (r) => r.remainingAtStart,
      cell: (r) => moneyText(r.remainingAtStart, c),
    },
    {
      key: "used",
      label: "Used",
      numeric: true,
      sortValue: (r) => r.used,
      cell: (r) => moneyText(r.used, c),
    },
    {
      // The plan's atRisk: expiring unused, or a lapsing offer / rejected coupon's amount.
      key: "expired",
      label: "At risk",
      numeric: true,
      sortValue: (r) => r.atRisk,
      cell: (r) => moneyText(r.atRisk, c, r.atRisk > 0 ? "bad" : ""),
    },
    {
      key: "depleted",
      label: "Used up on",
      sortValue: (r) => r.depletedOn,
      cell: (r) => dateText(r.depletedOn),
    },
    {
      key: "expires",
      label: "Expires on",
      sortValue: (r) => r.expiresOn,
      cell: (r) => dateText(r.expiresOn),
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
    rowClass: (r) => (r.atRisk > 0 ? "at-risk" : ""),
  });
}

export function renderCampaigns(plan: PlanJson, view: TableView): HTMLElement {
  const c = plan;
  const columns: Column<CampaignJson>[] = [
    {
      key: "name",
      label: "Campaign",
      sortValue: (r) => r.name || r.id,
      cell: (r) => nameAndId(r.name, r.id),
    },
    {
      key: "demandFrom",
      label: "Demand from",
      sortValue: (r) => r.demandFromLabel ?? "",
      cell: (r) => r.demandFromLabel ?? "",
    },
    {
      key: "credit",
      label: "Credit",
      numeric: true,
      sortValue: (r) => r.creditFunded,
      cell: (r) => moneyText(r.creditFunded, c),
    },
    {
      key: "cash",
      label: "Cash",
      numeric: true,
      sortValue: (r) => r.cashFunded,
      cell: (r) => moneyText(r.cashFunded, c),
    },
    {
      key: "card",
      label: "Card",
      numeric: true,
      sortValue: (r) => r.cardFunded,
      cell: (r) => moneyText(r.cardFunded, c),
    },
    {
      key: "undelivered",
      label: "Undelivered",
      numeric: true,
      sortValue: (r) => r.undelivered,
      cell: (r) => moneyText(r.undelivered, c, r.undelivered > 0 ? "bad" : ""),
    },
    {
      key: "fallback",
      label: "Cash from",
      sortValue: (r) => r.cashFallbackOn,
      cell: (r) => dateText(r.cashFallbackOn),
    },
    {
      key: "stop",
      label: "Stops",
      sortValue: (r) => r.stoppedOn,
      cell: stopsCell,
    },
  ];
  return sortableTable({
    caption: "Campaigns: who pays, cash fallback and every stop",
    columns,
    rows: plan.campaigns,
    defaultOrder: (rows) => [...rows],
    view,
    pageSize: 100,
    emptyText: "No campaigns in the Campaigns sheet.",
    rowClass: (r) => (r.stoppedOn ? "at-risk" : ""),
  });
}

const SEVERITY_LABELS: Record<string, string> = {
  error: "Error",
  warning: "Warning",
  info: "Note",
};

export function renderWarnings(
  plan: PlanJson,
  views: Views,
  onSelect: (warning: WarningJson) => void,
  redraw: () => void,
): HTMLElement {
  const warnings = plan.warnings;
  if (warnings.length === 0) return h("p", { className: "empty" }, "No warnings.");
  const shown = warnings.slice(0, views.warningsLimit);
  const items = shown.map((w) => {
    const place = w.sheet && w.cell ? `${w.sheet}!${w.cell}` : (w.sheet ?? "");
    const content: Child[] = [
      h("span", { className: `badge ${w.severity}` }, SEVERITY_LABELS[w.severity] ?? w.severity),
      place && h("bdi", { className: "place" }, place),
      h("span", { className: "message" }, richText(w.message, plan)),
    ];
    const item =
      w.sheet && w.cell
        ? h(
            "button",
            {
              className: "warning-item",
              attrs: { type: "button", title: `Select ${place} in the sheet`, "data-code": w.code },
              onClick: () => onSelect(w),
            },
            content,
          )
        : h("div", { className: "warning-item", attrs: { "data-code": w.code } }, content);
    return h("li", null, item);
  });
  const hidden = warnings.length - shown.length;
  return h(
    "div",
    null,
    h("ul", { className: "warnings" }, items),
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

/** Campaign names by id, for sentences that list campaigns. */
export function campaignNames(plan: PlanJson): Map<string, string> {
  return new Map(plan.campaigns.map((c) => [c.id, c.name]));
}

/** `Brand search 101, Retargeting 102` as isolated name-and-id pieces; "no campaign" when empty. */
export function campaignList(plan: PlanJson, ids: readonly string[]): Child[] {
  if (ids.length === 0) return [h("span", { className: "none" }, "no campaign")];
  const names = campaignNames(plan);
  const parts: Child[] = [];
  ids.forEach((id, i) => {
    if (i > 0) parts.push(", ");
    parts.push(inlineName(names.get(id), id));
  });
  return parts;
}

export function creditLabel(plan: PlanJson, creditId: string): HTMLElement {
  const credit = plan.credits.find((c) => c.id === creditId);
  return inlineName(credit?.name, creditId);
}

export function renderRecommendations(
  plan: PlanJson,
  onApply: (recommendation: RecommendationJson) => void,
): HTMLElement {
  const c = plan;
  const upperBound = h(
    "p",
    { className: "note" },
    "Whatever the assignments, at most ",
    moneyText(plan.creditUpperBound, c),
    " of credit can be used in this plan.",
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
      h("div", null, "Assign ", creditLabel(plan, r.credit), " to ", campaignList(plan, r.assign)),
      h(
        "div",
        { className: "before-after" },
        "Expires unused: ",
        moneyText(r.expiredBefore, c, "before"),
        " → ",
        moneyText(r.expiredAfter, c, "after"),
        " (saves ",
        moneyText(r.expirySaved, c),
        ")",
      ),
      r.reason && h("div", { className: "sub" }, richText(r.reason, c)),
      h(
        "button",
        { className: "action apply", attrs: { type: "button" }, onClick: () => onApply(r) },
        "Apply…",
      ),
    ),
  );
  return h("div", null, h("ul", { className: "recommendations" }, items), upperBound);
}

/** For the status line. */
export function planPeriod(plan: PlanJson): string {
  // Plain text: no-break spaces keep each date whole in the status line.
  const whole = (date: string) => day(date).replace(/ /g, "\u00a0");
  return `${whole(plan.start)} – ${whole(plan.end)}`;
}
