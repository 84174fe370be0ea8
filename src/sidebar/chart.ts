/**
 * The draw-down chart: hand-made SVG, one line per shown credit plus "others"
 * and cash, expiry days marked on the axis. Hovering, tapping or the arrow
 * keys pick a day; the readout under the chart lists that day's values.
 */
import type { ChartData, ChartLine } from "./chartData";
import { h, replaceChildren, svg } from "./dom";
import { addDays, compactMoney, money } from "./format";

const WIDTH = 280;
const HEIGHT = 150;
const PAD = { left: 4, right: 4, top: 14, bottom: 20 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const CREDIT_COLORS = [
  "#1f63b4",
  "#c0392b",
  "#2e7d32",
  "#7b3fa0",
  "#8c564b",
  "#c2185b",
  "#00838f",
  "#9e7c00",
];
const OTHERS_COLOR = "#6b6b6b";
const CASH_COLOR = "#111111";

function lineColor(line: ChartLine, index: number): string {
  if (line.kind === "cash") return CASH_COLOR;
  if (line.kind === "others") return OTHERS_COLOR;
  return CREDIT_COLORS[index % CREDIT_COLORS.length];
}

export function renderChart(data: ChartData, currency: string): HTMLElement {
  const x = (d: number) =>
    PAD.left + (data.days <= 1 ? PLOT_W / 2 : (d / (data.days - 1)) * PLOT_W);
  const yCredit = (v: number) => PAD.top + ((data.creditMax - v) / data.creditMax) * PLOT_H;
  const yCash = (v: number) =>
    PAD.top + ((data.cashMax - v) / (data.cashMax - data.cashMin)) * PLOT_H;
  // At most about one point per horizontal unit; the last day is always drawn.
  const step = Math.max(1, Math.ceil(data.days / PLOT_W));

  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "chart",
    role: "img",
    tabindex: 0,
    "aria-label":
      "Draw-down chart of credit and cash balances. Use the arrow keys to read each day.",
  });
  const base = PAD.top + PLOT_H;
  chart.appendChild(
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: base, y2: base, class: "axis" }),
  );
  if (data.cashMin < 0) {
    // Cash below zero (overdrawn): its zero line, dashed.
    const zero = yCash(0).toFixed(1);
    chart.appendChild(
      svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: zero, y2: zero, class: "axis zero" }),
    );
  }
  chart.appendChild(
    svg(
      "text",
      { x: PAD.left, y: 10, class: "tick" },
      `credits ${compactMoney(data.creditMax, currency)}`,
    ),
  );
  chart.appendChild(
    svg(
      "text",
      { x: WIDTH - PAD.right, y: 10, class: "tick", "text-anchor": "end" },
      `cash ${compactMoney(data.cashMax, currency)}`,
    ),
  );
  chart.appendChild(svg("text", { x: PAD.left, y: HEIGHT - 4, class: "tick" }, data.start));
  chart.appendChild(
    svg(
      "text",
      { x: WIDTH - PAD.right, y: HEIGHT - 4, class: "tick", "text-anchor": "end" },
      addDays(data.start, data.days - 1),
    ),
  );

  data.lines.forEach((line, index) => {
    const color = lineColor(line, index);
    const y = line.kind === "cash" ? yCash : yCredit;
    const parts: string[] = [];
    for (let d = 0; d < data.days; d += step) {
      parts.push(
        `${parts.length === 0 ? "M" : "L"}${x(d).toFixed(1)} ${y(line.values[d]).toFixed(1)}`,
      );
    }
    if ((data.days - 1) % step !== 0) {
      parts.push(`L${x(data.days - 1).toFixed(1)} ${y(line.values[data.days - 1]).toFixed(1)}`);
    }
    chart.appendChild(
      svg(
        "path",
        { d: parts.join(""), stroke: color, class: `line line-${line.kind}` },
        svg("title", {}, line.label),
      ),
    );
    if (line.expiryIndex !== null) {
      const ex = x(line.expiryIndex);
      chart.appendChild(
        svg(
          "path",
          {
            d: `M${ex - 3} ${base + 6}L${ex + 3} ${base + 6}L${ex} ${base}Z`,
            fill: color,
            class: "expiry",
          },
          svg("title", {}, `${line.label} expires ${addDays(data.start, line.expiryIndex)}`),
        ),
      );
    }
  });

  const guide = svg("line", { x1: 0, x2: 0, y1: PAD.top, y2: PAD.top + PLOT_H, class: "guide" });
  guide.style.display = "none";
  chart.appendChild(guide);
  const overlay = svg("rect", {
    x: PAD.left,
    y: PAD.top,
    width: PLOT_W,
    height: PLOT_H,
    class: "overlay",
  });
  chart.appendChild(overlay);

  const readout = h(
    "div",
    { className: "readout", attrs: { "aria-live": "polite" } },
    "Hover, tap or use the arrow keys on the chart to see a day's values.",
  );
  let selected = -1;
  const show = (d: number) => {
    selected = Math.max(0, Math.min(data.days - 1, d));
    guide.setAttribute("x1", x(selected).toFixed(1));
    guide.setAttribute("x2", x(selected).toFixed(1));
    guide.style.display = "";
    const items = data.lines.map((line, index) =>
      h(
        "li",
        null,
        h("span", {
          className: "swatch",
          attrs: { style: `background:${lineColor(line, index)}` },
        }),
        `${line.label}: `,
        h("strong", null, money(line.values[selected], currency)),
      ),
    );
    replaceChildren(
      readout,
      h("div", { className: "readout-date" }, addDays(data.start, selected)),
      h("ul", null, ...items),
    );
  };
  const fromPointer = (event: PointerEvent) => {
    const box = chart.getBoundingClientRect();
    if (box.width === 0) return;
    const unitX = ((event.clientX - box.left) / box.width) * WIDTH;
    show(Math.round(((unitX - PAD.left) / PLOT_W) * (data.days - 1)));
  };
  overlay.addEventListener("pointermove", fromPointer);
  overlay.addEventListener("pointerdown", fromPointer);
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
    }
  });

  const legend = h(
    "ul",
    { className: "legend" },
    ...data.lines.map((line, index) =>
      h(
        "li",
        null,
        h("span", {
          className: "swatch",
          attrs: { style: `background:${lineColor(line, index)}` },
        }),
        line.kind === "cash" ? `${line.label} (right scale)` : line.label,
      ),
    ),
  );
  return h("figure", { className: "chart-box" }, chart, legend, readout);
}
