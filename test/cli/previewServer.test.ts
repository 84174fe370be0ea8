/**
 * The preview server against other web pages (issue 16.9): DNS rebinding
 * (a foreign `Host`), cross-origin POSTs to /rpc, and what-if values that
 * must be read as cells are, with clear messages for malformed bodies.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningPreview, startPreview } from "../../src/cli/previewServer";
import type { WorkbookTables } from "../../src/sheets";

function tables(): WorkbookTables {
  return {
    account: [
      ["Setting", "Value"],
      ["Plan start", "2026-12-01"],
      ["Horizon days", "30"],
      ["Cash balance", "100"],
    ],
    campaigns: [
      ["Campaign ID", "Campaign name", "Status", "Budget"],
      ["1", "One", "Active", "10"],
    ],
    credits: [
      ["Credit ID", "Type", "Amount", "Issue date"],
      ["F", "Free", "50", "2026-11-20"],
    ],
  };
}

let preview: RunningPreview;

beforeAll(async () => {
  preview = await startPreview({
    html: "<!doctype html><html><head></head><body>sidebar</body></html>",
    tables: tables(),
    workbookLabel: "fixture",
    port: 0,
  });
});

afterAll(async () => {
  await preview?.close();
});

/** A raw HTTP request, so `Host` and `Origin` can be anything a browser might send. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: preview.port, method, path, headers },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const own = () => `127.0.0.1:${preview.port}`;
const rpc = (body: string, headers: Record<string, string> = {}) =>
  send("POST", "/rpc", { host: own(), "content-type": "application/json", ...headers }, body);

describe("Host and Origin (DNS rebinding, cross-site POSTs)", () => {
  test("a foreign Host is refused with 421, for the page and for /rpc", async () => {
    const page = await send("GET", "/", { host: `evil.example:${preview.port}` });
    expect(page.status).toBe(421);
    expect(page.text).not.toContain("sidebar");
    const call = await send(
      "POST",
      "/rpc",
      { host: "evil.example" },
      JSON.stringify({ fn: "getPlan", args: [null] }),
    );
    expect(call.status).toBe(421);
    expect(call.text).not.toContain("campaigns");
  });

  test("the served address and localhost are answered", async () => {
    expect((await send("GET", "/", { host: own() })).status).toBe(200);
    expect((await send("GET", "/", { host: `localhost:${preview.port}` })).status).toBe(200);
  });

  test("a POST to /rpc from another origin is refused with 403; the page's own origin is answered", async () => {
    const body = JSON.stringify({ fn: "getPlan", args: [null] });
    const foreign = await rpc(body, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const crossSite = await rpc(body, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const same = await rpc(body, { origin: `http://${own()}`, "sec-fetch-site": "same-origin" });
    expect(same.status).toBe(200);
    expect(JSON.parse(same.text).ok).toBe(true);
  });
});

describe("request bodies and what-if values", () => {
  test("a null, non-object or non-JSON body is a clear 400, not a TypeError", async () => {
    for (const body of ["null", "[1]", "42", "{not json"]) {
      const reply = await rpc(body);
      expect(reply.status).toBe(400);
      const error = JSON.parse(reply.text).error as string;
      expect(error).toMatch(/request body/);
      expect(error).not.toMatch(/Cannot read properties/);
    }
  });

  test("what-if budgets are read as a Budget cell: 1e308 and 1e20 are too large, no BigInt error", async () => {
    for (const budget of [1e308, 1e20]) {
      const reply = await rpc(
        JSON.stringify({ fn: "getPlan", args: [[{ kind: "budget", campaign: "1", budget }]] }),
      );
      const answer = JSON.parse(reply.text);
      expect(answer.ok).toBe(false);
      expect(answer.error).toContain("campaign '1'");
      expect(answer.error).toContain("is too large");
      expect(answer.error).not.toMatch(/BigInt/);
    }
  });

  test("an ordinary what-if budget still plans, rounded to the cent (R2)", async () => {
    const reply = await rpc(
      JSON.stringify({
        fn: "getPlan",
        args: [[{ kind: "budget", campaign: "1", budget: 2.345 }], { recommendations: false }],
      }),
    );
    const answer = JSON.parse(reply.text);
    expect(answer.ok).toBe(true);
    expect(answer.result.campaigns[0].demand).toBeCloseTo(2.35 * 30, 6);
  });
});
