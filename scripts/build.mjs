// Builds every bundle into dist/: the CLI and preview (Node), Code.js (Apps
// Script) and Sidebar.html. Entries that do not exist yet are skipped.
import { existsSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

mkdirSync("dist", { recursive: true });

const nodeEntries = [
  ["src/cli/main.ts", "dist/cli.mjs"],
  ["src/cli/preview.ts", "dist/preview.mjs"],
];
for (const [entry, outfile] of nodeEntries) {
  if (!existsSync(entry)) continue;
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: "warning",
  });
}
