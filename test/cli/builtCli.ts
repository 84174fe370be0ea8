/**
 * Shared set-up of the tests that run the built `dist/cli.mjs` as a child
 * process: build once before the file's tests, and give them a scratch
 * folder that is removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Registers the build and the scratch folder; call the returned function inside a test. */
export function useBuiltCli(scratchPrefix: string): () => string {
  let work = "";
  beforeAll(() => {
    const built = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
    work = mkdtempSync(join(tmpdir(), scratchPrefix));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });
  return () => work;
}
