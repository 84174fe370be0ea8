/**
 * `npm run preview -- [--workbook DIR] [--port N]` (CONTRACT.md §2): serves
 * the built sidebar at http://127.0.0.1:N/ with its server calls answered by
 * the add-on's own server code over an in-memory copy of the workbook.
 * Exit status: 2 for bad arguments, 1 when the page or workbook cannot be read.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadWorkbook } from "./loadWorkbook";
import { parsePreviewArgs } from "./previewArgs";
import { startPreview } from "./previewServer";

function fail(status: number, message: string): never {
  process.stderr.write(`preview: ${message}\n`);
  process.exit(status);
}

/** `Sidebar.html` next to this bundle (dist/preview.mjs), else dist/ under the working directory. */
function sidebarPath(): string {
  const candidates = [
    join(dirname(fileURLToPath(import.meta.url)), "Sidebar.html"),
    resolve("dist", "Sidebar.html"),
  ];
  return candidates.find((path) => existsSync(path)) ?? candidates[candidates.length - 1];
}

async function main(): Promise<void> {
  const parsed = parsePreviewArgs(process.argv.slice(2));
  if (!parsed.ok) fail(2, parsed.error);
  const { workbook, port } = parsed.args;
  if (!existsSync(workbook)) fail(2, `--workbook '${workbook}' does not exist`);

  const htmlPath = sidebarPath();
  let html: string;
  try {
    html = readFileSync(htmlPath, "utf8");
  } catch {
    fail(1, `${htmlPath} is missing; run npm run build first`);
  }
  let loaded: Awaited<ReturnType<typeof loadWorkbook>>;
  try {
    loaded = await loadWorkbook(workbook);
  } catch (error) {
    const file = (error as { file?: string }).file ?? workbook;
    fail(1, `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }

  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({
      html,
      tables: loaded.tables,
      timeZone: loaded.timeZone,
      workbookLabel: workbook,
      port,
      log: (line) => process.stdout.write(`  ${line}\n`),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    fail(
      1,
      code === "EADDRINUSE" ? `port ${port} is in use; pick another with --port` : String(error),
    );
  }
  process.stdout.write(`Credit Planner preview of ${workbook}\n${preview.url}\n(Ctrl-C to stop)\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nPreview stopped (${signal}).\n`);
    void preview.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
