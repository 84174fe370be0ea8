/**
 * The plan for a person (CONTRACT §2 without --json): what is at risk first,
 * then depletion days, fallback days, the cash run-out day, warnings and
 * recommendations, as aligned tables. Amounts in the account currency.
 */
import { type AlertDigest, type Day, isoDate, type Plan, toMajor } from "../core";
import { skippedRowsNotes } from "../sheets/completeness";
import { ALERT_KIND_LABELS } from "../sheets/labels";
import { CREDIT_STATUS_LABELS, CREDIT_TYPE_LABELS, recommendationTable } from "../sheets/tables";
import { terminalSafe, terminalSafeInline } from "./terminalText";

export interface RenderOptions {
  /** ANSI colours (only on a TTY). */
  color: boolean;
  /** Most warnings listed before "… and N more". */
  maxWarnings?: number;
}

type Align = "left" | "right";

interface Style {
  title: (text: string) => string;
  risk: (text: string) => string;
  dim: (text: string) => string;
}

function styles(color: boolean): Style {
  const wrap = (open: string) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[0m` : text;
  return { title: wrap("1"), risk: wrap("31"), dim: wrap("2") };
}

/** Columns padded to their widest cell; numbers right-aligned. Cells are made terminal-safe first. */
export function alignedTable(header: string[], unsafeRows: string[][], align: Align[]): string[] {
  const rows = unsafeRows.map((row) => row.map((cell) => terminalSafeInline(cell ?? "")));
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (align[c] === "right" ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].map(
    (l) => `  ${l}`,
  );
}

export function moneyFormatter(currency: string, minorUnits: number): (amount: number) => string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    });
  } catch {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    });
  }
  return (amount) => format.format(toMajor(amount, minorUnits));
}

const date = (day: Day | null, none = "—") => (day === null ? none : isoDate(day));

/** R14: every stop of a campaign, "2027-01-04…2027-01-09, 2027-01-28" ("—" when none). */
export function stopsText(stops: readonly { from: Day; to: Day }[]): string {
  if (stops.length === 0) return "—";
  return stops
    .map((s) => (s.from === s.to ? isoDate(s.from) : `${isoDate(s.from)}…${isoDate(s.to)}`))
    .join(", ");
}

/** R13: the "What to do" lines: money needed beside what cash and card pay, then the advice. */
export function whatToDo(plan: Plan, money: (amount: number) => string): string[] {
  const { totals, advice } = plan;
  const lines = [
    `  Money needed ${money(totals.moneyNeeded)} for every campaign to deliver: cash will pay ${money(totals.cashFunded)}, card ${money(totals.cardFunded)}, ${money(totals.undelivered)} goes undelivered.`,
  ];
  if (advice.topUps.length === 0) {
    lines.push("  Nothing stops for lack of money: no top-up is needed.");
    return lines;
  }
  const cardLimit = plan.account.cardLimit;
  const card = cardLimit !== null;
  lines.push(
    ...alignedTable(
      card
        ? ["Top up", "On", "Keeps delivering through", "Card pays then"]
        : ["Top up", "On", "Keeps delivering through"],
      advice.topUps.map((t) => {
        const row = [money(t.amount), isoDate(t.day), isoDate(t.until)];
        return card ? [...row, money(t.cardPays)] : row;
      }),
      ["right", "left", "left", "right"],
    ),
  );
  lines.push(`  In all ${money(advice.total)} of top-ups keep every campaign delivering.`);
  if (cardLimit !== null) {
    lines.push(
      `  The card pays after cash: ${money(advice.cardPaysWithAdvice)} of its ${money(cardLimit)} limit with these top-ups.`,
    );
  }
  return lines;
}

export function renderPlan(plan: Plan, options: RenderOptions): string {
  const s = styles(options.color);
  const money = moneyFormatter(plan.currency, plan.minorUnits);
  const out: string[] = [];
  const section = (title: string) => out.push("", s.title(title));

  out.push(
    s.title(
      `Credit plan ${isoDate(plan.start)} … ${isoDate(plan.end)} (${plan.days} days, ${plan.currency})`,
    ),
  );
  // R16: skipped rows come before any total.
  for (const note of skippedRowsNotes(plan.inputs)) out.push(s.risk(`  ${note}.`));
  out.push(
    `  Credit ${money(plan.totals.creditAvailable)} · used ${money(plan.totals.creditFunded)} · expires unused ${money(plan.totals.creditExpired)} · cash ${money(plan.totals.cashFunded)} · card ${money(plan.totals.cardFunded)} · undelivered ${money(plan.totals.undelivered)}`,
    `  Out of pocket ${money(plan.totals.outOfPocket)} · first expiry ${date(plan.totals.firstExpiryOn)} · first cash fallback ${date(plan.totals.firstFallbackOn)} · cash runs out ${date(plan.account.cashRunsOutOn)}`,
  );

  section("What to do");
  out.push(...whatToDo(plan, money));

  section("Credits at risk");
  const atRisk = plan.credits.filter((c) => c.atRisk > 0);
  if (atRisk.length === 0) out.push("  No credit expires unused in the horizon.");
  else {
    const table = alignedTable(
      ["Credit", "Type", "Why", "Last usable day", "At risk"],
      atRisk.map((c) => [
        c.id,
        CREDIT_TYPE_LABELS[c.type],
        c.status === "lapsed"
          ? "offer lapses"
          : c.status === "rejected"
            ? "coupon rejected"
            : "expires unused",
        date(c.lastUsableDay),
        money(c.atRisk),
      ]),
      ["left", "left", "left", "left", "right"],
    );
    out.push(...table.map((line, i) => (i >= 2 ? s.risk(line) : line)));
  }

  section("Credits");
  out.push(
    ...alignedTable(
      [
        "Credit",
        "Type",
        "Status",
        "Remaining now",
        "Issued",
        "Used",
        "Expired",
        "Depleted on",
        "Last usable day",
      ],
      plan.credits.map((c) => [
        c.id,
        CREDIT_TYPE_LABELS[c.type],
        CREDIT_STATUS_LABELS[c.status],
        money(c.remainingAtStart),
        c.issued > 0 ? `${money(c.issued)} on ${date(c.issuedOn)}` : "",
        money(c.used),
        money(c.expired),
        date(c.depletedOn),
        date(c.lastUsableDay),
      ]),
      ["left", "left", "left", "right", "right", "right", "right", "left", "left"],
    ),
  );

  section("Campaigns");
  out.push(
    ...alignedTable(
      ["Campaign", "Name", "Credit", "Cash", "Card", "Undelivered", "Cash fallback", "Stops"],
      plan.campaigns.map((c) => [
        c.id,
        c.name.length > 32 ? `${c.name.slice(0, 31)}…` : c.name,
        money(c.creditFunded),
        money(c.cashFunded),
        money(c.cardFunded),
        money(c.undelivered),
        date(c.cashFallbackOn),
        stopsText(c.stops),
      ]),
      ["left", "left", "right", "right", "right", "right", "left", "left"],
    ),
  );

  section("Cash");
  out.push(
    `  At start ${money(plan.account.cashAtStart)} · at end ${money(plan.account.cashAtEnd)}`,
  );
  if (plan.account.cardCharged > 0) out.push(`  Card charged ${money(plan.account.cardCharged)}`);
  if (plan.listedTopUps.length > 0) {
    const listed = plan.listedTopUps.map((t) => `${money(t.amount)} on ${isoDate(t.day)}`);
    out.push(`  Top-ups (Top-ups sheet): ${listed.join(", ")}`);
  }
  // R10/R14: the run-out day and the stop day can differ (the card pays in between, or the
  // balance ends a day at zero): CASH_RUNS_OUT says what ran out, when, and why.
  const cashWarning = plan.warnings.find((w) => w.code === "CASH_RUNS_OUT");
  if (cashWarning) out.push(s.risk(`  ${cashWarning.message}`));
  else if (plan.account.cashRunsOutOn !== null) {
    out.push(
      `  Cash runs out on ${isoDate(plan.account.cashRunsOutOn)}; ${plan.totals.cardFunded > 0 ? "the card pays the rest" : "no campaign stops"}.`,
    );
  } else out.push("  Cash does not run out in the horizon.");

  section(`Warnings (${plan.warnings.length})`);
  if (plan.warnings.length === 0) out.push("  None.");
  else {
    const max = options.maxWarnings ?? 50;
    const shown = plan.warnings.slice(0, max);
    out.push(
      ...alignedTable(
        ["Severity", "Code", "Where", "Message"],
        shown.map((w) => [
          w.severity,
          w.code,
          w.sheet && w.cell ? `${w.sheet}!${w.cell}` : (w.sheet ?? ""),
          w.message.replace(/\s+/g, " "),
        ]),
        ["left", "left", "left", "left"],
      ),
    );
    if (plan.warnings.length > max) {
      out.push(s.dim(`  … and ${plan.warnings.length - max} more (--json lists them all)`));
    }
  }

  section("Recommendations");
  if (plan.recommendations.length === 0)
    out.push("  None: no assignment change leaves less credit to expire.");
  else {
    const table = recommendationTable(plan);
    out.push(
      ...alignedTable(
        ["Credit", "Assign to", "Expires now", "Expires after", "Saved"],
        plan.recommendations.map((r) => [
          r.credit,
          r.assign.join(", "),
          money(r.expiredBefore),
          money(r.expiredAfter),
          money(r.expirySaved),
        ]),
        ["left", "left", "right", "right", "right"],
      ),
    );
    for (const row of table.rows) {
      if (row[5]) out.push(s.dim(terminalSafeInline(`  ${row[0]}: ${row[5]}`)));
    }
  }
  out.push(
    "",
    `  Upper bound: any choice of assignments could use at most ${money(plan.creditUpperBound)} of credit (R12).`,
  );
  return `${onlyOwnEscapes(out.join("\n"))}\n`;
}

/** The last guard: no control character but new lines and the colours this module writes. */
function onlyOwnEscapes(text: string): string {
  return text
    .split(OWN_STYLE)
    .map((piece, i) => (i % 2 === 1 ? piece : terminalSafe(piece)))
    .join("");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes of styles() above.
const OWN_STYLE = /(\u001b\[(?:0|1|2|31)m)/;
/**
 * R15 `credit-planner alerts`: a short digest, one item per entry in the
 * plan's order (day, then amount at risk): when, what, how much, who, and
 * the action on the next line.
 */
export function renderAlerts(plan: Plan, digest: AlertDigest, options: RenderOptions): string {
  const s = styles(options.color);
  const money = moneyFormatter(plan.currency, plan.minorUnits);
  const window = `${isoDate(digest.from)} … ${isoDate(digest.to)} (${digest.withinDays} day${digest.withinDays === 1 ? "" : "s"}, ${plan.currency})`;
  const count = digest.items.length;
  const out = [
    s.title(
      count === 0
        ? `Alerts ${window}: nothing needs action.`
        : `Alerts ${window}: ${count} item${count === 1 ? "" : "s"} need${count === 1 ? "s" : ""} action`,
    ),
  ];
  if (count > 0) {
    const rows = digest.items.map((item) => [
      isoDate(item.day),
      ALERT_KIND_LABELS[item.kind],
      money(item.amount),
      item.credit
        ? `${item.credit.id}${item.credit.name && item.credit.name !== item.credit.id ? ` (${item.credit.name})` : ""}`
        : item.campaigns.length === 1
          ? item.campaigns[0].name || item.campaigns[0].id
          : `${item.campaigns.length} campaigns`,
    ]);
    const table = alignedTable(["Act by", "What", "At risk", "Credit or campaigns"], rows, [
      "left",
      "left",
      "right",
      "left",
    ]);
    out.push("", table[0], table[1]);
    digest.items.forEach((item, i) => {
      out.push(s.risk(table[i + 2]), s.dim(`    → ${item.action}`));
    });
  }
  return onlyOwnEscapes(`${out.join("\n")}\n`);
}
