// `npm run bench:against -- <commit> [runs]`: this tree against an earlier
// commit, timed in the same minutes. This machine's speed drifts (the same
// build has measured 0.8 s and 1.3 s for the same CLI run on different days),
// so a goal set in milliseconds on one day is checked by the ratio to the
// build that set it: both builds run alternately on the same inputs.
//
// Times: the whole `node dist/cli.mjs plan DIR --json` on L and on L with
// stops (R12 + R13), and the engine bench's L simulate (scripts/bench-engine.ts
// of each tree, each on its own synthetic account).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { importTs } from "./importTs.mjs";
import { NODE_BUNDLE } from "./nodeBundle.mjs";

const [commit, runsArg] = process.argv.slice(2);
if (!commit) {
  console.error("usage: npm run bench:against -- <commit> [runs]   (runs: 7 by default)");
  process.exit(2);
}
const runs = Number(runsArg ?? 7);
const here = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "acp-against-"));
const reference = join(work, "reference");

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const git = (...args) => execFileSync("git", args, { cwd: here, encoding: "utf8" }).trim();

function buildTree(root) {
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`build failed in ${root}: ${built.stderr}`);
}

async function engineBench(root, out) {
  if (!existsSync(join(root, "scripts/bench-engine.ts"))) return null;
  await build({
    ...NODE_BUNDLE,
    logLevel: "error",
    absWorkingDir: root,
    entryPoints: [join(root, "scripts/bench-engine.ts")],
    outfile: out,
  });
  return out;
}

/** Wall ms of one child process. */
function timed(args) {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed: ${child.stderr}`);
  return { ms, stdout: child.stdout };
}

try {
  const sha = git("rev-parse", "--short", commit);
  git("worktree", "add", "--detach", reference, sha);
  symlinkSync(join(here, "node_modules"), join(reference, "node_modules"), "dir");
  buildTree(here);
  buildTree(reference);
  const { writeSyntheticWorkbook } = await importTs("scripts/syntheticWorkbook.ts");
  const L = writeSyntheticWorkbook(join(work, "L"), "L");
  const stops = writeSyntheticWorkbook(join(work, "L-stops"), "L", "stops");
  const engines = {
    reference: await engineBench(reference, join(work, "engine-reference.mjs")),
    here: await engineBench(here, join(work, "engine-here.mjs")),
  };
  const times = { refL: [], hereL: [], refStops: [], hereStops: [], refEngine: [], hereEngine: [] };
  for (let r = 0; r < runs; r++) {
    times.refL.push(timed([join(reference, "dist/cli.mjs"), "plan", L, "--json"]).ms);
    times.hereL.push(timed([join(here, "dist/cli.mjs"), "plan", L, "--json"]).ms);
    times.refStops.push(timed([join(reference, "dist/cli.mjs"), "plan", stops, "--json"]).ms);
    times.hereStops.push(timed([join(here, "dist/cli.mjs"), "plan", stops, "--json"]).ms);
    for (const [key, bundle] of [
      ["refEngine", engines.reference],
      ["hereEngine", engines.here],
    ]) {
      if (!bundle) continue;
      const { stdout } = timed([bundle, "L", "5"]);
      times[key].push(JSON.parse(stdout.trim().split("\n").pop()).medianMs);
    }
  }
  const row = (what, ref, now) => {
    const a = median(ref);
    const b = median(now);
    return `${what.padEnd(44)} ${a.toFixed(0).padStart(9)} ${b.toFixed(0).padStart(9)} ${(b / a).toFixed(2).padStart(7)}`;
  };
  console.log(`This tree against ${sha}, ${runs} alternating runs each (median ms)`);
  console.log(`${"what".padEnd(44)} ${sha.padStart(9)} ${"this tree".padStart(9)}   ratio`);
  console.log(row("node dist/cli.mjs plan L --json", times.refL, times.hereL));
  console.log(row("node dist/cli.mjs plan L-stops --json", times.refStops, times.hereStops));
  if (times.refEngine.length > 0 && times.hereEngine.length > 0) {
    console.log(row("engine bench: simulate L (median of 5)", times.refEngine, times.hereEngine));
  }
  console.log(
    "A goal in ms measured on the reference's day holds when goal ≥ that day's figure × ratio.",
  );
} finally {
  spawnSync("git", ["worktree", "remove", "--force", reference], { cwd: here });
  rmSync(work, { recursive: true, force: true });
}
