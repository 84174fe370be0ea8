// Bench scripts are plain Node; this bundles a TypeScript module with esbuild
// into a temporary file and imports it, so every bench reuses src/ as it is.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { NODE_BUNDLE } from "./nodeBundle.mjs";

// Inside the repository's node_modules, so the packages left external below
// resolve from the bundle as they do from the sources.
const cache = resolve(import.meta.dirname, "../node_modules/.cache");
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, "acp-ts-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** Bundles `entry` for Node and returns the file it wrote. */
export async function bundleTs(entry) {
  const outfile = join(work, `${basename(entry).replace(/\.\w+$/, "")}.mjs`);
  await build({
    ...NODE_BUNDLE,
    entryPoints: [entry],
    outfile,
    // A browser driver is not bundled: it loads its own files at run time.
    external: ["playwright-core"],
  });
  return outfile;
}

/** Imports a TypeScript module of this repository. */
export async function importTs(entry) {
  return import(pathToFileURL(await bundleTs(entry)).href);
}
