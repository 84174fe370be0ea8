// Bench scripts are plain Node; this bundles a TypeScript module with esbuild
// into a temporary file and imports it, so every bench reuses src/ as it is.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const work = mkdtempSync(join(tmpdir(), "acp-ts-"));

/** Bundles `entry` for Node and returns the file it wrote. */
export async function bundleTs(entry) {
  const outfile = join(work, `${basename(entry).replace(/\.\w+$/, "")}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  return outfile;
}

/** Imports a TypeScript module of this repository. */
export async function importTs(entry) {
  return import(pathToFileURL(await bundleTs(entry)).href);
}
