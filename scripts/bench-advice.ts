/**
 * R13 benchmark: the top-up advice on the L account run short of money (a
 * stop every few weeks), and the whole CLI `plan --json` on it (R12
 * recommendations + R13 advice). Goals: advice ≤ 150 ms, CLI ≤ 1 s.
 * `benchAdvice()` returns the report lines; run directly, it prints them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulate } from "../src/core";
import { topUpAdvice } from "../src/core/answers/advice";
import { simulationBasis } from "../src/core/basis";
import { SIZES, stoppingModel } from "./synthetic";
import { writeSyntheticWorkbook } from "./syntheticWorkbook";

const ADVICE_GOAL_MS = 150;
const CLI_GOAL_MS = 1_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchAdvice(runs = 7): Promise<string[]> {
  const model = stoppingModel("L");
  const basis = simulationBasis(model);
  const plan = simulate(model, basis);
  const stops = plan.campaigns.reduce((n, c) => n + c.stops.length, 0);
  let advice = topUpAdvice(model, basis, plan);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    advice = topUpAdvice(model, basis, plan);
    times.push(performance.now() - started);
  }
  const adviceMs = median(times);
  // One simulation of the same account, timed alongside: the advice's cost in simulations.
  const simTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    simulate(model, basis);
    simTimes.push(performance.now() - started);
  }
  const simulateMs = median(simTimes);

  const work = mkdtempSync(join(tmpdir(), "acp-bench-advice-"));
  const cliTimes: number[] = [];
  try {
    const dir = writeSyntheticWorkbook(join(work, "L-stops"), "L", "stops");
    for (let r = 0; r < 5; r++) {
      const started = performance.now();
      const child = spawnSync(process.execPath, ["dist/cli.mjs", "plan", dir, "--json"], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      cliTimes.push(performance.now() - started);
      if (child.status !== 0) throw new Error(`CLI bench failed: ${child.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const cliMs = median(cliTimes);
  const shape = SIZES.L;
  const verdict = (ms: number, goal: number) =>
    `≤ ${goal}`.padStart(8) + (ms <= goal ? "  ok" : "  OVER");
  return [
    "R13 top-up advice on L run short of money (median ms)",
    `  L: ${shape.campaigns} campaigns × ${shape.credits} credits × ${shape.days} days; ${advice.topUps.length} top-ups advised for ${stops} campaign stops; ${advice.replans} windows re-planned`,
    `${"topUpAdvice (resumed re-plans of each window)".padEnd(56)} ${adviceMs.toFixed(0).padStart(7)} ${verdict(adviceMs, ADVICE_GOAL_MS)}`,
    `  one full simulation of the same account: ${simulateMs.toFixed(0)} ms (the advice costs ${(adviceMs / simulateMs).toFixed(1)} of them)`,
    `${"node dist/cli.mjs plan L-stops --json (R12 + R13), whole".padEnd(56)} ${cliMs.toFixed(0).padStart(7)} ${verdict(cliMs, CLI_GOAL_MS)}`,
    "  the 1 s goal was set beside 0.8 s for L without advice (52210c6); `npm run bench:against -- 52210c6` times both in the same minutes",
  ];
}

const invokedDirectly = /bench-advice\.(ts|mjs|js)$/.test(process.argv[1] ?? "");
if (invokedDirectly) {
  benchAdvice().then((lines) => {
    for (const line of lines) console.log(line);
  });
}
