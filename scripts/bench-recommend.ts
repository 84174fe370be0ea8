/**
 * R12 benchmark: recommendations + upper bound (`recommend`) on the synthetic
 * M and L accounts. Targets: M ≤ 2 s, L ≤ 10 s (median of a few runs).
 * `benchRecommend()` returns the report lines; run directly, it prints them.
 */

import { computeDemand } from "../src/core/demand";
import { simulate } from "../src/core/engine";
import { recommend } from "../src/core/recommend/recommend";
import { boundCredits, maxCreditFlow } from "../src/core/recommend/upperBound";
import { SIZES, type SizeName, syntheticModel } from "./synthetic";

const TARGET_MS: Partial<Record<SizeName, number>> = { M: 2_000, L: 10_000 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function pad(cells: (string | number)[]): string {
  const widths = [5, 12, 11, 9, 8, 10, 14, 12, 10];
  return cells.map((cell, k) => String(cell).padStart(widths[k] ?? 10)).join(" ");
}

export async function benchRecommend(sizes: SizeName[] = ["M", "L"], runs = 3): Promise<string[]> {
  const lines = [
    "R12 recommendations + upper bound (recommend), median of runs",
    pad([
      "size",
      "campaigns",
      "credits",
      "days",
      "recs",
      "bound",
      "flow graph",
      "median ms",
      "target",
    ]),
  ];
  for (const size of sizes) {
    const model = syntheticModel(size);
    const plan = simulate(model);
    const times: number[] = [];
    let result = recommend(model, plan);
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      result = recommend(model, plan);
      times.push(performance.now() - t0);
    }
    const graph = maxCreditFlow(boundCredits(model, plan), computeDemand(model).demand, plan.days);
    const shape = SIZES[size];
    const ms = median(times);
    const target = TARGET_MS[size];
    lines.push(
      pad([
        size,
        shape.campaigns,
        shape.credits,
        shape.days,
        result.recommendations.length,
        Math.round(result.creditUpperBound / 10 ** model.account.minorUnits),
        `${graph.nodes}n/${graph.edges}e`,
        ms.toFixed(0),
        target === undefined ? "-" : `${ms <= target ? "ok" : "SLOW"} ≤${target}`,
      ]),
    );
  }
  return lines;
}

const invokedDirectly = /bench-recommend\.(ts|mjs|js)$/.test(process.argv[1] ?? "");
if (invokedDirectly) {
  const sizes = (process.argv[2]?.split(",") ?? ["M", "L"]) as SizeName[];
  benchRecommend(sizes, Number(process.argv[3] ?? 3)).then((lines) => {
    for (const line of lines) console.log(line);
  });
}
