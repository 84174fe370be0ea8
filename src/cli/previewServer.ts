/**
 * The preview's HTTP server (CONTRACT.md §2): `/` is the built sidebar with
 * the `google.script.run` stand-in, `/rpc` answers its calls with the same
 * server code the add-on runs (`src/sheets/service.ts`) over an in-memory
 * workbook, and `/__preview/state` shows what the sidebar asked for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WorkbookTables } from "../sheets";
import {
  type AlertsStatus,
  alertsDigest,
  applyRecommendation,
  getPlan,
  selectCell,
  undoApply,
  writePlan,
} from "../sheets/service";
import { type MemoryWorkbookPort, memoryWorkbookPort } from "./previewPort";
import { injectShim, previewShimScript } from "./previewShim";

const MAX_BODY_BYTES = 1_000_000;

export interface PreviewOptions {
  /** The built `Sidebar.html`. */
  html: string;
  tables: WorkbookTables;
  /** Zone of the workbook's date cells (the loader's; UTC for CSV). */
  timeZone?: string;
  /** Shown in the banner and in the notes of Apply/Write. */
  workbookLabel: string;
  host?: string;
  port: number;
  /** One line per server call, for the terminal. */
  log?: (line: string) => void;
  /** The instant "today" is taken from, epoch ms (tests pin it); default the clock. */
  now?: () => number;
}

export interface RunningPreview {
  url: string;
  port: number;
  server: Server;
  workbook: MemoryWorkbookPort;
  close(): Promise<void>;
}

type Handler = (args: unknown[]) => unknown;

function handlers(port: MemoryWorkbookPort, label: string): Record<string, Handler> {
  const note = `Local preview: only the in-memory copy of ${label} changed; the files on disk are untouched.`;
  return {
    getPlan: ([whatIf, options]) => getPlan(port, whatIf ?? null, options ?? null),
    applyRecommendation: ([creditId, campaignIds]) => ({
      ...applyRecommendation(port, creditId, campaignIds),
      notes: [note],
    }),
    undoApply: ([creditId, before, after]) => ({
      ...undoApply(port, creditId, before, after),
      notes: [note],
    }),
    writePlanToSheets: () => {
      const written = writePlan(port);
      return { ...written, notes: [...written.notes, note] };
    },
    // Daily alerts need Apps Script's triggers and mail: off here, with the digest a mail would carry.
    getAlerts: (): AlertsStatus => ({
      on: false,
      email: "",
      hour: 7,
      timeZone: port.timeZone(),
      ...alertsDigest(port),
    }),
    selectCell: ([sheet, a1]) => {
      selectCell(port, sheet, a1);
      return null;
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** `{fn, args}` of an /rpc body; anything else is a clear 400, never a TypeError. */
function parseRpcBody(text: string): { fn?: unknown; args?: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('The request body is not JSON: send {"fn": name, "args": [...]}');
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new Error('The request body must be an object {"fn": name, "args": [...]}');
  }
  return body as { fn?: unknown; args?: unknown };
}

/** Names the served address answers to: the bound one, and localhost for a loopback address. */
function servedHostNames(host: string): string[] {
  const bracketed = host.includes(":") ? `[${host}]` : host;
  const loopback = host === "127.0.0.1" || host === "::1" || host === "localhost";
  return loopback ? [bracketed, "localhost", "127.0.0.1", "[::1]"] : [bracketed];
}

/**
 * DNS rebinding and cross-site requests: a page elsewhere can point its own
 * name at 127.0.0.1 (then `Host` is its name) or POST to /rpc from its
 * origin (then `Origin` is its origin). Only requests naming the served
 * address, and POSTs from the preview's own page (or from no page: curl,
 * tests), are answered.
 */
function refuseForeign(
  request: IncomingMessage,
  hosts: ReadonlySet<string>,
): { status: number; message: string } | null {
  const host = (request.headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) {
    return {
      status: 421,
      message: `This preview answers only to ${[...hosts][0] ?? "its address"}`,
    };
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.has(origin.toLowerCase().replace(/^http:\/\//, ""))) {
      return { status: 403, message: "Cross-origin requests are not answered" };
    }
    const site = request.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      return { status: 403, message: "Cross-site requests are not answered" };
    }
  }
  return null;
}

function describeCall(fn: string, args: unknown[]): string {
  const text = JSON.stringify(args);
  return `${fn}(${text.length > 120 ? `${text.slice(0, 117)}...` : text.slice(1, -1)})`;
}

export function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const workbook = memoryWorkbookPort(options.tables, {
    timeZone: options.timeZone,
    now: options.now,
  });
  const calls = handlers(workbook, options.workbookLabel);
  const banner = `Local preview of ${options.workbookLabel}. Apply and Write change an in-memory copy only.`;
  const page = injectShim(options.html, previewShimScript(Object.keys(calls), banner));
  const log = options.log ?? (() => {});
  const rpcLog: string[] = [];

  const answerRpc = async (request: IncomingMessage, response: ServerResponse) => {
    let fn = "?";
    let body: { fn?: unknown; args?: unknown };
    try {
      body = parseRpcBody(await readBody(request));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send(response, 400, "application/json", JSON.stringify({ ok: false, error: message }));
      return;
    }
    try {
      fn = typeof body.fn === "string" ? body.fn : "?";
      const args = Array.isArray(body.args) ? body.args : [];
      const handler = Object.hasOwn(calls, fn) ? calls[fn] : undefined;
      if (!handler) throw new Error(`Unknown server function '${fn}'`);
      const started = performance.now();
      const result = handler(args);
      const line = `${describeCall(fn, args)} ok in ${Math.round(performance.now() - started)} ms`;
      rpcLog.push(line);
      log(line);
      send(response, 200, "application/json", JSON.stringify({ ok: true, result: result ?? null }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = `${fn} failed: ${message}`;
      rpcLog.push(line);
      log(line);
      send(response, 200, "application/json", JSON.stringify({ ok: false, error: message }));
    }
  };

  const hosts = new Set<string>();
  const server = createServer((request, response) => {
    const refusal = refuseForeign(request, hosts);
    if (refusal) {
      send(response, refusal.status, "text/plain; charset=utf-8", refusal.message);
      return;
    }
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && (path === "/" || path === "/index.html")) {
      send(response, 200, "text/html; charset=utf-8", page);
    } else if (request.method === "POST" && path === "/rpc") {
      void answerRpc(request, response);
    } else if (request.method === "GET" && path === "/__preview/state") {
      const state = {
        selections: workbook.selections,
        assignmentLog: workbook.assignmentLog,
        ownedSheets: [...workbook.ownedSheets.keys()],
        calls: rpcLog,
      };
      send(response, 200, "application/json", JSON.stringify(state));
    } else if (request.method === "GET" && path === "/favicon.ico") {
      response.writeHead(204).end();
    } else {
      send(response, 404, "text/plain; charset=utf-8", "Not found");
    }
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const host = options.host ?? "127.0.0.1";
    server.listen(options.port, host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      for (const name of servedHostNames(host)) hosts.add(`${name}:${port}`);
      resolve({
        url: `http://${host}:${port}/`,
        port,
        server,
        workbook,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
