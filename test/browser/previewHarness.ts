/**
 * Test harness: builds dist/ once, starts `node dist/preview.mjs` on a free
 * port over a fixture workbook, and drives Debian's Chromium (never a
 * browser download) through playwright-core.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURES = resolve(import.meta.dirname, "fixtures");

export function buildDist(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "pipe" });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface PreviewProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startPreviewProcess(workbook: string): Promise<PreviewProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["dist/preview.mjs", "--port", String(port), "--workbook", workbook],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearInterval(timer);
        done(match[0]);
      }
    }, 25);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`preview exited with ${code}: ${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Records console errors and uncaught page errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export interface PreviewState {
  selections: { sheet: string; a1: string }[];
  assignmentLog: string[][];
  ownedSheets: string[];
  calls: string[];
}

export async function previewState(url: string): Promise<PreviewState> {
  const response = await fetch(new URL("/__preview/state", url));
  return (await response.json()) as PreviewState;
}

export async function rpc<T>(url: string, fn: string, args: unknown[]): Promise<T> {
  const response = await fetch(new URL("/rpc", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn, args }),
  });
  const reply = (await response.json()) as { ok: boolean; result: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
