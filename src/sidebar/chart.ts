/**
 * The draw-down chart, hand-made SVG: two panels on one date axis, credits
 * on top and cash below (each its own scale, so a big cash balance never
 * flattens the credit lines), weekly grid lines with dated ticks, an
 * expiry marker only where a credit loses money, a band over the days some
 * demand is not delivered (R14), and markers where money comes in: top-ups
 * (listed, and the advised ones of R13, hollow) and credits landing. Hovering, tapping or the
 * arrow keys pick a day; its values show in a tooltip that floats over the
 * chart (the page never moves).
 */
import type { ChartData, ChartLine } from "./chartData";
import { h, replaceChildren, svg } from "./dom";
import { addDays, compactMoney, day, type MoneyUnit, money, tickDay } from "./format";
import { isolated, moneyText, nameText } from "./values";

/** 1 unit = 1 px in a 300 px sidebar (276 px inside its padding): 12-unit text is 12 px. */
const WIDTH = 276;
const PAD_X = 2;
const PLOT_W = WIDTH - 2 * PAD_X;
const CREDIT_TOP = 18;
const CREDIT_H = 110;
const CASH_TOP = CREDIT_TOP + CREDIT_H + 26;
const CASH_H = 56;
const AXIS_Y = CASH_TOP + CASH_H;
const HEIGHT = AXIS_Y + 18;
/** Fewest units between two dated ticks (a `Dec 25` label is about 40 px wide). */
const TICK_LABEL_GAP = 52;

const CREDIT_COLORS = [
  "#1a73e8",
  "#d93025",
  "#188038",
  "#9334e6",
  "#e8710a",
  "#c5221f",
  "#007b83",
  "#b06000",
];
const OTHERS_COLOR = "#80868b";
const CASH_COLOR = "#202124";
const EXPIRY_COLOR = "#c5221f";
const MONEY_IN_COLOR = "#188038";
/** Marker size (units = px): a triangle MARKER wide and MARKER tall. */
const MARKER = 8;

/** A small triangle pointing up (its tip at `tipY`) or down. */
function triangle(cx: number, tipY: number, up: boolean): string {
  const base = up ? tipY + MARKER : tipY - MARKER;
  const half = MARKER / 2;
  return `M${(cx - half).toFixed(1)} ${base}L${(cx + half).toFixed(1)} ${base}L${cx.toFixed(1)} ${tipY}Z`;
}

function lineColor(line: ChartLine, index: number): string {
  if (line.kind === "cash") return CASH_COLOR;
  if (line.kind === "others") return OTHERS_COLOR;
  return CREDIT_COLORS[index % CREDIT_COLORS.length];
}

/** Path of a series; a credit line ends where it stays at zero (no pile of lines on the axis). */
function pathOf(
  values: readonly number[],
  x: (d: number) => number,
  y: (v: number) => number,
  endAtZero: boolean,
): string {
  let last = values.length - 1;
  if (endAtZero) {
    while (last > 0 && values[last] === 0 && values[last - 1] === 0) last--;
  }
  const step = Math.max(1, Math.ceil((last + 1) / PLOT_W));
  const parts: string[] = [];
  for (let d = 0; d <= last; d += step) {
    parts.push(`${parts.length === 0 ? "M" : "L"}${x(d).toFixed(1)} ${y(values[d]).toFixed(1)}`);
  }
  if (last % step !== 0) parts.push(`L${x(last).toFixed(1)} ${y(values[last]).toFixed(1)}`);
  if (parts.length === 1)
    parts.push(`L${(x(last) + 0.5).toFixed(1)} ${y(values[last]).toFixed(1)}`);
  return parts.join("");
}

export function renderChart(data: ChartData, unit: MoneyUnit): HTMLElement {
  const x = (d: number) => PAD_X + (data.days <= 1 ? PLOT_W / 2 : (d / (data.days - 1)) * PLOT_W);
  const yCredit = (v: number) => CREDIT_TOP + ((data.creditMax - v) / data.creditMax) * CREDIT_H;
  const yCash = (v: number) =>
    CASH_TOP + ((data.cashMax - v) / (data.cashMax - data.cashMin)) * CASH_H;

  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "chart",
    role: "img",
    tabindex: 0,
    "aria-label":
      "Draw-down chart: credit balances above, cash balance below. Use the arrow keys to read each day.",
  });

  // R14: a band through both panels for each run of days with undelivered demand (behind all).
  const halfDay = data.days > 1 ? PLOT_W / (data.days - 1) / 2 : PLOT_W / 2;
  for (const band of data.stopBands) {
    const left = Math.max(PAD_X, x(band.from) - halfDay);
    const right = Math.min(WIDTH - PAD_X, x(band.to) + halfDay);
    const from = addDays(data.start, band.from);
    const to = addDays(data.start, band.to);
    chart.appendChild(
      svg(
        "rect",
        {
          x: left.toFixed(1),
          y: CREDIT_TOP,
          width: Math.max(1, right - left).toFixed(1),
          height: AXIS_Y - CREDIT_TOP,
          class: "stop-band",
          "data-from": from,
          "data-to": to,
        },
        svg(
          "title",
          {},
          band.from === band.to
            ? `Campaigns stop on ${day(from)}: demand not delivered`
            : `Campaigns stop ${day(from)} – ${day(to)}: demand not delivered`,
        ),
      ),
    );
  }

  // Weekly grid lines through both panels; dated ticks as far apart as labels need.
  const dayWidth = data.days > 1 ? PLOT_W / (data.days - 1) : PLOT_W;
  const weeksPerLabel = Math.max(1, Math.ceil(TICK_LABEL_GAP / (dayWidth * 7)));
  for (let d = 0, week = 0; d < data.days; d += 7, week++) {
    const gx = x(d).toFixed(1);
    chart.appendChild(svg("line", { x1: gx, x2: gx, y1: CREDIT_TOP, y2: AXIS_Y, class: "grid" }));
    if (week % weeksPerLabel === 0 && x(d) + 20 < WIDTH) {
      chart.appendChild(
        svg(
          "text",
          { x: gx, y: HEIGHT - 3, class: "tick", "text-anchor": d === 0 ? "start" : "middle" },
          tickDay(addDays(data.start, d)),
        ),
      );
    }
  }
  const axis = (y: number) =>
    chart.appendChild(svg("line", { x1: PAD_X, x2: WIDTH - PAD_X, y1: y, y2: y, class: "axis" }));
  axis(CREDIT_TOP + CREDIT_H);
  axis(AXIS_Y);
  if (data.cashMin < 0) axis(yCash(0));

  const title = (y: number, text: string, max: string) => {
    chart.appendChild(svg("text", { x: PAD_X, y, class: "panel-title" }, text));
    chart.appendChild(
      svg("text", { x: WIDTH - PAD_X, y, class: "tick", "text-anchor": "end" }, `up to ${max}`),
    );
  };
  title(CREDIT_TOP - 5, "Credit left", compactMoney(data.creditMax, unit));
  title(CASH_TOP - 5, "Cash balance", compactMoney(data.cashMax, unit));

  data.lines.forEach((line, index) => {
    const color = lineColor(line, index);
    const cash = line.kind === "cash";
    chart.appendChild(
      svg(
        "path",
        {
          d: pathOf(line.values, x, cash ? yCash : yCredit, !cash),
          stroke: color,
          class: `line line-${line.kind}`,
        },
        svg("title", {}, isolated(line.label)),
      ),
    );
    if (line.expiryIndex !== null) {
      const ex = x(line.expiryIndex);
      const base = CREDIT_TOP + CREDIT_H;
      chart.appendChild(
        svg(
          "path",
          {
            d: `M${(ex - 4).toFixed(1)} ${base + 8}L${(ex + 4).toFixed(1)} ${base + 8}L${ex.toFixed(1)} ${base}Z`,
            fill: EXPIRY_COLOR,
            stroke: color,
            "stroke-width": 1,
            class: "expiry",
          },
          svg(
            "title",
            {},
            `${isolated(line.label)}: money expires unused on ${day(addDays(data.start, line.expiryIndex))}`,
          ),
        ),
      );
    }
  });

  // Money coming in: top-ups at the foot of the cash panel (advised ones hollow, R13),
  // credits landing at the top of the credit panel (R7, R9).
  for (const topUp of data.topUps) {
    chart.appendChild(
      svg(
        "path",
        {
          d: triangle(x(topUp.index), AXIS_Y - MARKER, true),
          fill: topUp.advised ? "#fff" : MONEY_IN_COLOR,
          stroke: MONEY_IN_COLOR,
          "stroke-width": 1.5,
          class: topUp.advised ? "top-up advised" : "top-up",
          "data-date": topUp.date,
        },
        svg(
          "title",
          {},
          `${topUp.advised ? "Advised top-up" : "Top-up"} ${money(topUp.amount, unit)} on ${day(topUp.date)}`,
        ),
      ),
    );
  }
  for (const landing of data.landings) {
    chart.appendChild(
      svg(
        "path",
        {
          d: triangle(x(landing.index), CREDIT_TOP + MARKER, false),
          fill: MONEY_IN_COLOR,
          stroke: MONEY_IN_COLOR,
          "stroke-width": 1,
          class: "landing",
          "data-date": landing.date,
        },
        svg(
          "title",
          {},
          `${isolated(landing.label)} lands ${money(landing.amount, unit)} on ${day(landing.date)}`,
        ),
      ),
    );
  }

  const guide = svg("line", { x1: 0, x2: 0, y1: CREDIT_TOP, y2: AXIS_Y, class: "guide" });
  guide.style.display = "none";
  chart.appendChild(guide);
  const overlay = svg("rect", {
    x: PAD_X,
    y: CREDIT_TOP,
    width: PLOT_W,
    height: AXIS_Y - CREDIT_TOP,
    class: "overlay",
  });
  chart.appendChild(overlay);

  const tooltip = h("div", {
    className: "tooltip",
    attrs: { "aria-live": "polite", role: "status" },
  });
  tooltip.hidden = true;
  const box = h("figure", { className: "chart-box" }, chart);
  let selected = -1;
  const show = (d: number) => {
    selected = Math.max(0, Math.min(data.days - 1, d));
    const gx = x(selected).toFixed(1);
    guide.setAttribute("x1", gx);
    guide.setAttribute("x2", gx);
    guide.style.display = "";
    replaceChildren(
      tooltip,
      h(
        "div",
        { className: "tooltip-date" },
        h(
          "time",
          { className: "date", attrs: { datetime: addDays(data.start, selected) } },
          day(addDays(data.start, selected)),
        ),
      ),
      h(
        "ul",
        null,
        data.lines.map((line, index) =>
          h(
            "li",
            { attrs: { "data-kind": line.kind } },
            h("span", {
              className: "swatch",
              attrs: { style: `background:${lineColor(line, index)}` },
            }),
            nameText(line.label),
            moneyText(line.values[selected], unit),
          ),
        ),
        data.stopBands.length > 0 &&
          h(
            "li",
            { attrs: { "data-kind": "undelivered" } },
            h("span", { className: "swatch band" }),
            h("span", { className: "name" }, "Not delivered"),
            moneyText(data.undelivered[selected], unit),
          ),
        data.topUps
          .filter((t) => t.index === selected)
          .map((t) =>
            h(
              "li",
              { attrs: { "data-kind": "top-up" } },
              h("span", { className: `swatch top-up${t.advised ? " advised" : ""}` }),
              h("span", { className: "name" }, t.advised ? "Advised top-up" : "Top-up"),
              moneyText(t.amount, unit),
            ),
          ),
        data.landings
          .filter((l) => l.index === selected)
          .map((l) =>
            h(
              "li",
              { attrs: { "data-kind": "landing" } },
              h("span", { className: "swatch landing" }),
              nameText(`${l.label} lands`),
              moneyText(l.amount, unit),
            ),
          ),
      ),
    );
    tooltip.hidden = false;
    // Beside the guide, on the side with room; inside the chart box.
    const scale = chart.getBoundingClientRect().width / WIDTH || 1;
    const px = x(selected) * scale;
    const width = tooltip.offsetWidth;
    const boxWidth = box.clientWidth || WIDTH;
    const left = px + 8 + width <= boxWidth ? px + 8 : Math.max(0, px - 8 - width);
    tooltip.style.left = `${Math.round(left)}px`;
    tooltip.style.top = `${Math.round(CREDIT_TOP * scale)}px`;
  };
  const hide = () => {
    tooltip.hidden = true;
    guide.style.display = "none";
  };
  const fromPointer = (event: PointerEvent) => {
    const rect = chart.getBoundingClientRect();
    if (rect.width === 0) return;
    const unitX = ((event.clientX - rect.left) / rect.width) * WIDTH;
    show(Math.round(((unitX - PAD_X) / PLOT_W) * (data.days - 1)));
  };
  overlay.addEventListener("pointermove", fromPointer);
  overlay.addEventListener("pointerdown", fromPointer);
  overlay.addEventListener("pointerleave", hide);
  chart.addEventListener("blur", hide);
  chart.addEventListener("keydown", (event) => {
    const moves: Record<string, number> = {
      ArrowLeft: selected - 1,
      ArrowRight: selected + 1,
      Home: 0,
      End: data.days - 1,
      PageUp: selected - 7,
      PageDown: selected + 7,
    };
    if (event.key in moves) {
      event.preventDefault();
      show(selected < 0 ? 0 : moves[event.key]);
    } else if (event.key === "Escape") hide();
  });

  const legend = h(
    "ul",
    { className: "legend" },
    data.lines.map((line, index) =>
      h(
        "li",
        { attrs: { "data-kind": line.kind } },
        h("span", {
          className: "swatch",
          attrs: { style: `background:${lineColor(line, index)}` },
        }),
        nameText(line.label),
      ),
    ),
    data.lines.some((line) => line.expiryIndex !== null) &&
      h("li", null, h("span", { className: "swatch marker" }), "money expires unused"),
    data.stopBands.length > 0 &&
      h(
        "li",
        { attrs: { "data-kind": "stop-band" } },
        h("span", { className: "swatch band" }),
        "campaigns stop",
      ),
    data.topUps.some((t) => !t.advised) &&
      h(
        "li",
        { attrs: { "data-kind": "top-up" } },
        h("span", { className: "swatch top-up" }),
        "top-up",
      ),
    data.topUps.some((t) => t.advised) &&
      h(
        "li",
        { attrs: { "data-kind": "advised-top-up" } },
        h("span", { className: "swatch top-up advised" }),
        "advised top-up",
      ),
    data.landings.length > 0 &&
      h(
        "li",
        { attrs: { "data-kind": "landing" } },
        h("span", { className: "swatch landing" }),
        "credit lands",
      ),
  );
  box.append(
    tooltip,
    legend,
    h(
      "p",
      { className: "chart-hint" },
      "Hover, tap or use the arrow keys on the chart to read a day.",
    ),
  );
  return box;
}
