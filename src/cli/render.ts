/**
 * The plan for a person (CONTRACT §2 without --json): what is at risk first,
 * then depletion days, fallback days, the cash run-out day, warnings and
 * recommendations, as aligned tables that fit 100 columns (long names are
 * cut with "…", messages wrap). One money style: amounts as `1,234.50`,
 * the currency named once per table header and after amounts in sentences
 * (`500.00 USD`, as the warnings write it); days as `YYYY-MM-DD`.
 * Text from a workbook is someone else's text: every cell and word is made
 * terminal-safe before it is measured, and the whole output once more at
 * the end (issue 16.8).
 */
import { type AlertDigest, type Day, formatMoney, isoDate, type Plan, toMajor } from "../core";
import { skippedRowsNotes } from "../sheets/completeness";
import {
  ALERT_KIND_LABELS,
  CREDIT_STATUS_LABELS,
  CREDIT_TYPE_LABELS,
  DEMAND_FROM_LABELS,
} from "../sheets/labels";
import { sourceLabel } from "../sheets/planJson";
import { terminalSafe, terminalSafeInline } from "./terminalText";

/** The widest line the text output prints (a terminal's usual width is 100 or more). */
export const MAX_WIDTH = 100;

export interface RenderOptions {
  /** ANSI colours (only on a TTY). */
  color: boolean;
  /** Most warnings listed before "… and N more". */
  maxWarnings?: number;
}

type Align = "left" | "right";

/** How a column gives way when a table is wider than MAX_WIDTH. */
type Give = "none" | "cut" | "wrap";

export interface ColumnSpec {
  header: string;
  align?: Align;
  give?: Give;
  /** Narrowest the column may become when it gives way. */
  min?: number;
}

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

/** Characters as a terminal counts them (code points; good enough for names). */
function width(text: string): number {
  return Array.from(text).length;
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Greedy word wrap to `max` columns; a word longer than a line is split. Words are made terminal-safe. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  // An amount and its currency (`500.00 USD`) stay on one line.
  const words = text
    .replace(/(\d) ([A-Z]{3})\b/g, "$1\u00a0$2")
    .split(/[ \t\r\n]+/)
    .filter(Boolean)
    .map(terminalSafeInline);
  for (const word of words) {
    let rest = word;
    while (width(rest) > max) {
      if (line) {
        lines.push(line);
        line = "";
      }
      const chars = Array.from(rest);
      lines.push(chars.slice(0, max).join(""));
      rest = chars.slice(max).join("");
    }
    if (!line) line = rest;
    else if (width(line) + 1 + width(rest) <= max) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, " "));
}

const INDENT = "  ";
const GAP = "  ";

/** Appends lines one by one: `push(...lines)` overflows the stack on data-sized lists (issue 16). */
function append(to: string[], lines: readonly string[]): void {
  for (const line of lines) to.push(line);
}

/**
 * Columns padded to their widest cell, numbers right-aligned, the whole
 * table at most MAX_WIDTH wide: columns that may give way are cut or
 * wrapped, widest first, never below their `min`. Cells are made
 * terminal-safe first (a control character shows as `\x1b`, and is measured so).
 */
export function alignedTable(columns: ColumnSpec[], unsafeRows: string[][]): string[] {
  const { head, rows } = tableLines(columns, unsafeRows);
  return [...head, ...rows.flat()];
}

/** alignedTable's header lines, and each row's lines (more than one when a cell wraps). */
export function tableLines(
  columns: ColumnSpec[],
  unsafeRows: string[][],
): { head: string[]; rows: string[][] } {
  const rows = unsafeRows.map((row) => row.map((cell) => terminalSafeInline(cell ?? "")));
  const widths = columns.map((column, c) => {
    let w = width(column.header);
    for (const row of rows) w = Math.max(w, width(row[c] ?? ""));
    return w;
  });
  // Line width in characters (column widths, not money).
  const total = () => {
    let columnsWidth = 0;
    for (const w of widths) columnsWidth += w;
    return INDENT.length + columnsWidth + GAP.length * (widths.length - 1);
  };
  while (total() > MAX_WIDTH) {
    let widest = -1;
    columns.forEach((column, c) => {
      const give = column.give ?? "none";
      const min = Math.max(column.min ?? 8, width(column.header));
      if (give !== "none" && widths[c] > min && (widest < 0 || widths[c] > widths[widest])) {
        widest = c;
      }
    });
    if (widest < 0) break;
    widths[widest] -= Math.min(
      widths[widest] - Math.max(columns[widest].min ?? 8, width(columns[widest].header)),
      total() - MAX_WIDTH,
    );
  }
  const pad = (cell: string, c: number) =>
    columns[c].align === "right"
      ? " ".repeat(Math.max(0, widths[c] - width(cell))) + cell
      : cell + " ".repeat(Math.max(0, widths[c] - width(cell)));
  const line = (cells: string[]) => `${INDENT}${cells.map(pad).join(GAP)}`.trimEnd();
  const head = [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w)))];
  const rowLines = rows.map((row) => {
    const cellLines = columns.map((column, c) => {
      const text = row[c] ?? "";
      if (width(text) <= widths[c]) return [text];
      return column.give === "wrap" ? wrapText(text, widths[c]) : [cut(text, widths[c])];
    });
    let height = 0;
    for (const lines of cellLines) height = Math.max(height, lines.length);
    const lines: string[] = [];
    for (let i = 0; i < height; i++) lines.push(line(cellLines.map((l) => l[i] ?? "")));
    return lines;
  });
  return { head, rows: rowLines };
}

/** An amount in the major unit with the currency's decimals and grouping: `1,234.50`. */
export function amountFormatter(minorUnits: number): (amount: number) => string {
  const format = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
  });
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
  const amount = amountFormatter(plan.minorUnits);
  const lines = wrapText(
    `Money needed ${money(totals.moneyNeeded)} for every campaign to deliver: cash will pay ${money(totals.cashFunded)}, card ${money(totals.cardFunded)}, ${money(totals.undelivered)} goes undelivered.`,
    MAX_WIDTH - INDENT.length,
  ).map((line) => `${INDENT}${line}`);
  if (advice.topUps.length === 0) {
    lines.push("  Nothing stops for lack of money: no top-up is needed.");
    return lines;
  }
  const cardLimit = plan.account.cardLimit;
  const card = cardLimit !== null;
  const columns: ColumnSpec[] = [
    { header: `Top up (${plan.currency})`, align: "right" },
    { header: "On" },
    { header: "Keeps delivering through" },
  ];
  if (card) columns.push({ header: "Card pays then", align: "right" });
  append(
    lines,
    alignedTable(
      columns,
      advice.topUps.map((t) => {
        const row = [amount(t.amount), isoDate(t.day), isoDate(t.until)];
        return card ? [...row, amount(t.cardPays)] : row;
      }),
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

/** Spaces for every run of white space: one table row stays one logical line. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

export function renderPlan(plan: Plan, options: RenderOptions): string {
  const s = styles(options.color);
  const amount = amountFormatter(plan.minorUnits);
  const money = (value: number) => formatMoney(value, plan.currency, plan.minorUnits);
  const cur = plan.currency;
  const out: string[] = [];
  const section = (title: string) => out.push("", s.title(title));

  out.push(
    s.title(
      `Credit plan ${isoDate(plan.start)} … ${isoDate(plan.end)} (${plan.days} days, ${plan.currency})`,
    ),
  );
  // R16: skipped rows come before any total.
  for (const note of skippedRowsNotes(plan.inputs)) {
    for (const line of wrapText(`${note}.`, MAX_WIDTH - INDENT.length)) {
      out.push(s.risk(`${INDENT}${line}`));
    }
  }
  for (const line of wrapText(
    `Credit ${money(plan.totals.creditAvailable)} · used ${money(plan.totals.creditFunded)} · expires unused ${money(plan.totals.creditExpired)} · cash ${money(plan.totals.cashFunded)} · card ${money(plan.totals.cardFunded)} · undelivered ${money(plan.totals.undelivered)}`,
    MAX_WIDTH - INDENT.length,
  )) {
    out.push(`${INDENT}${line}`);
  }
  for (const line of wrapText(
    `Out of pocket ${money(plan.totals.outOfPocket)} · first expiry ${date(plan.totals.firstExpiryOn)} · first cash fallback ${date(plan.totals.firstFallbackOn)} · cash runs out ${date(plan.account.cashRunsOutOn)}`,
    MAX_WIDTH - INDENT.length,
  )) {
    out.push(`${INDENT}${line}`);
  }

  section("What to do");
  append(out, whatToDo(plan, money));

  section("Credits at risk");
  const atRisk = plan.credits.filter((c) => c.atRisk > 0);
  if (atRisk.length === 0) out.push("  No credit expires unused in the horizon.");
  else {
    const table = alignedTable(
      [
        { header: "Credit" },
        { header: "Name", give: "cut" },
        { header: "Type", give: "cut" },
        { header: "Why", give: "cut" },
        { header: "Last usable" },
        { header: `At risk (${cur})`, align: "right" },
      ],
      atRisk.map((c) => [
        c.id,
        flat(c.name),
        CREDIT_TYPE_LABELS[c.type],
        c.status === "lapsed"
          ? "offer lapses"
          : c.status === "rejected"
            ? "coupon rejected"
            : "expires unused",
        date(c.lastUsableDay),
        amount(c.atRisk),
      ]),
    );
    append(
      out,
      table.map((line, i) => (i >= 2 ? s.risk(line) : line)),
    );
  }

  section(`Credits (amounts in ${cur})`);
  append(
    out,
    alignedTable(
      [
        { header: "Credit" },
        { header: "Name", give: "cut" },
        { header: "Status", give: "cut", min: 6 },
        { header: "Left now", align: "right" },
        { header: "Used", align: "right" },
        { header: "Expired", align: "right" },
        { header: "Used up on" },
        { header: "Last usable" },
      ],
      plan.credits.map((c) => [
        c.id,
        flat(c.name),
        CREDIT_STATUS_LABELS[c.status],
        amount(c.remainingAtStart),
        amount(c.used),
        amount(c.expired),
        date(c.depletedOn),
        date(c.lastUsableDay),
      ]),
    ),
  );

  section(`Campaigns (amounts in ${cur})`);
  append(
    out,
    alignedTable(
      [
        { header: "Campaign" },
        { header: "Name", give: "cut" },
        { header: "Credit", align: "right" },
        { header: "Cash", align: "right" },
        { header: "Card", align: "right" },
        { header: "Undelivered", align: "right" },
        { header: "Cash from" },
        { header: "Stops" },
      ],
      plan.campaigns.map((c) => [
        c.id,
        flat(c.name),
        amount(c.creditFunded),
        amount(c.cashFunded),
        amount(c.cardFunded),
        amount(c.undelivered),
        date(c.cashFallbackOn),
        c.stops.length === 0
          ? "—"
          : `${isoDate(c.stops[0].from)}${c.stops.length > 1 ? ` +${c.stops.length - 1}` : ""}`,
      ]),
    ),
  );
  // R3 (spec v3): where demand does not come from the campaign's own budget, say so.
  for (const source of ["adGroups", "expected", "history"] as const) {
    const ids = plan.campaigns.filter((c) => c.demandFrom === source).map((c) => c.id);
    if (ids.length === 0) continue;
    const [first, ...rest] = wrapText(
      `Demand from ${DEMAND_FROM_LABELS[source].toLowerCase()}: ${ids.join(", ")}`,
      MAX_WIDTH - 4,
    );
    append(out, ["", `  ${first}`, ...rest.map((line) => `    ${line}`)]);
  }
  // R14: every stop, for the campaigns that stop (the table shows the first).
  const stopping = plan.campaigns.filter((c) => c.stops.length > 0);
  if (stopping.length > 0) {
    out.push("", "  Stop periods (no delivery for lack of money):");
    for (const c of stopping) {
      const [first, ...rest] = wrapText(`${c.id}: ${stopsText(c.stops)}`, MAX_WIDTH - 4);
      append(out, [`  ${first}`, ...rest.map((line) => `    ${line}`)]);
    }
  }

  section("Cash");
  out.push(
    `  At start ${money(plan.account.cashAtStart)} · at end ${money(plan.account.cashAtEnd)}`,
  );
  if (plan.account.cardCharged > 0) out.push(`  Card charged ${money(plan.account.cardCharged)}`);
  if (plan.listedTopUps.length > 0) {
    const listed = plan.listedTopUps.map((t) => `${money(t.amount)} on ${isoDate(t.day)}`);
    for (const line of wrapText(`Top-ups (Top-ups sheet): ${listed.join(", ")}`, MAX_WIDTH - 2)) {
      out.push(`${INDENT}${line}`);
    }
  }
  // R10/R14: the run-out day and the stop day can differ (the card pays in between, or the
  // balance ends a day at zero): CASH_RUNS_OUT says what ran out, when, and why.
  const cashWarning = plan.warnings.find((w) => w.code === "CASH_RUNS_OUT");
  if (cashWarning) {
    for (const line of wrapText(flat(cashWarning.message), MAX_WIDTH - 2)) {
      out.push(s.risk(`${INDENT}${line}`));
    }
  } else if (plan.account.cashRunsOutOn !== null) {
    out.push(
      `  Cash runs out on ${isoDate(plan.account.cashRunsOutOn)}; ${plan.totals.cardFunded > 0 ? "the card pays the rest" : "no campaign stops"}.`,
    );
  } else out.push("  Cash does not run out in the horizon.");

  section(`Warnings (${plan.warnings.length})`);
  if (plan.warnings.length === 0) out.push("  None.");
  else {
    const max = options.maxWarnings ?? 50;
    const shown = plan.warnings.slice(0, max);
    append(
      out,
      alignedTable(
        [
          { header: "Severity" },
          { header: "Cell", give: "cut", min: 12 },
          { header: "Message", give: "wrap", min: 30 },
        ],
        shown.map((w) => [
          w.severity,
          w.sheet && w.cell ? `${w.sheet}!${w.cell}` : (w.sheet ?? ""),
          flat(w.message),
        ]),
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
    const names = new Map(plan.campaigns.map((c) => [c.id, c.name]));
    const named = (id: string) => {
      const name = flat(names.get(id) ?? "");
      return name && name !== id ? `${name} (${id})` : id;
    };
    append(
      out,
      alignedTable(
        [
          { header: "Credit" },
          { header: "Assign to", give: "wrap", min: 20 },
          { header: `Expires now (${cur})`, align: "right" },
          { header: "after", align: "right" },
          { header: "Saved", align: "right" },
        ],
        plan.recommendations.map((r) => [
          r.credit,
          r.assign.map(named).join(", ") || "no campaign",
          amount(r.expiredBefore),
          amount(r.expiredAfter),
          amount(r.expirySaved),
        ]),
      ),
    );
    for (const r of plan.recommendations) {
      if (!r.reason) continue;
      const [first, ...rest] = wrapText(`${r.credit}: ${flat(r.reason)}`, MAX_WIDTH - 4);
      append(out, [s.dim(`  ${first}`), ...rest.map((line) => s.dim(`    ${line}`))]);
    }
  }
  out.push(
    "",
    `  Whatever the assignments, at most ${money(plan.creditUpperBound)} of credit can be used in this plan.`,
  );
  return `${onlyOwnEscapes(out.join("\n"))}\n`;
}

/** `--daily` without `--json`: who paid what each day, one row per ledger entry. */
export function renderDaily(plan: Plan): string {
  const { ledger } = plan;
  const amount = amountFormatter(plan.minorUnits);
  const rows: string[][] = new Array(ledger.length);
  for (let i = 0; i < ledger.length; i++) {
    rows[i] = [
      isoDate(ledger.day[i]),
      plan.campaigns[ledger.campaign[i]].id,
      sourceLabel(plan, ledger.source[i]),
      amount(ledger.amount[i]),
    ];
  }
  const lines = alignedTable(
    [
      { header: "Date" },
      { header: "Campaign", give: "cut", min: 12 },
      { header: "Paid by", give: "cut", min: 12 },
      { header: `Amount (${plan.currency})`, align: "right" },
    ],
    rows,
  );
  return onlyOwnEscapes(`\nDaily ledger (${ledger.length} rows)\n${lines.join("\n")}\n`);
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
 * the action on the next lines.
 */
export function renderAlerts(plan: Plan, digest: AlertDigest, options: RenderOptions): string {
  const s = styles(options.color);
  const amount = amountFormatter(plan.minorUnits);
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
      amount(item.amount),
      item.credit
        ? `${item.credit.id}${item.credit.name && item.credit.name !== item.credit.id ? ` (${flat(item.credit.name)})` : ""}`
        : item.campaigns.length === 1
          ? flat(item.campaigns[0].name) || item.campaigns[0].id
          : `${item.campaigns.length} campaigns`,
    ]);
    // One table for the items so the columns line up; each item's rows, then its action.
    const table = tableLines(
      [
        { header: "Act by" },
        { header: "What", give: "cut", min: 12 },
        { header: `At risk (${plan.currency})`, align: "right" },
        { header: "Credit or campaigns", give: "wrap", min: 20 },
      ],
      rows,
    );
    append(out, ["", ...table.head]);
    digest.items.forEach((item, i) => {
      append(
        out,
        table.rows[i].map((line) => s.risk(line)),
      );
      const [first, ...rest] = wrapText(`→ ${flat(item.action)}`, MAX_WIDTH - 4);
      append(out, [s.dim(`    ${first}`), ...rest.map((line) => s.dim(`      ${line}`))]);
    });
  }
  return onlyOwnEscapes(`${out.join("\n")}\n`);
}
