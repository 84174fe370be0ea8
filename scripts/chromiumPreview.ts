/**
 * Shared by the browser tests and the sidebar bench: Debian's Chromium
 * through playwright-core (never a browser download), a free local port, and
 * `node dist/preview.mjs` over a workbook as a child process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { type Browser, chromium } from "playwright-core";

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

/** Starts the built preview (run from `root`, the repository) and waits for its URL. */
export async function startPreviewProcess(workbook: string, root: string): Promise<PreviewProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["dist/preview.mjs", "--port", String(port), "--workbook", workbook],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
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
