/**
 * Engine benchmark for one size, run in its own process so that its peak
 * memory (max RSS) is its own. Prints one JSON line.
 */
import { simulate } from "../src/core";
import { SIZES, type SizeName, syntheticModel } from "./synthetic";

const size = (process.argv[2] ?? "S") as SizeName;
const runs = Number(process.argv[3] ?? 5);
const model = syntheticModel(size);
const times: number[] = [];
let ledgerRows = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const plan = simulate(model);
  times.push(performance.now() - t0);
  ledgerRows = plan.ledger.length;
}
times.sort((a, b) => a - b);
const shape = SIZES[size];
process.stdout.write(
  `${JSON.stringify({
    size,
    ...shape,
    campaignDays: shape.campaigns * shape.days,
    medianMs: times[Math.floor(times.length / 2)],
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ledgerRows,
  })}\n`,
);
