import vm from "node:vm";
/** The local preview's parts: arguments, the in-memory workbook port, the stand-in, the RPC server. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_PORT, DEFAULT_WORKBOOK, parsePreviewArgs } from "../../src/cli/previewArgs";
import { memoryWorkbookPort } from "../../src/cli/previewPort";
import { type RunningPreview, startPreview } from "../../src/cli/previewServer";
import { injectShim, previewShimScript } from "../../src/cli/previewShim";
import type { WorkbookTables } from "../../src/sheets";
import type { PlanJson } from "../../src/sheets/planJson";

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
      ["2", "Two", "Active", "5"],
    ],
    credits: [
      ["Credit ID", "Type", "Amount", "Status", "Issue date", "Valid until", "Assigned campaigns"],
      ["A", "Assignable", "50", "Available", "2026-11-20", "2026-12-15", ""],
    ],
  };
}

describe("preview arguments (CONTRACT §2)", () => {
  test("defaults: port 8787 and the sample workbook", () => {
    expect(parsePreviewArgs([])).toEqual({
      ok: true,
      args: { port: DEFAULT_PORT, workbook: DEFAULT_WORKBOOK },
    });
    expect(DEFAULT_PORT).toBe(8787);
  });

  test("--workbook and --port, separate or with =", () => {
    expect(parsePreviewArgs(["--workbook", "dir", "--port=9000"])).toEqual({
      ok: true,
      args: { port: 9000, workbook: "dir" },
    });
  });

  test.each([
    [["--port", "abc"]],
    [["--port", "70000"]],
    [["--port"]],
    [["--workbook", "--port", "1"]],
    [["--verbose"]],
    [["extra"]],
  ])("bad arguments %j give a one-line error", (argv) => {
    const result = parsePreviewArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toContain("\n");
  });
});

describe("in-memory workbook port", () => {
  test("Apply's cell write and log line change the copy, never the tables given", () => {
    const original = tables();
    const port = memoryWorkbookPort(original, { now: () => Date.UTC(2026, 11, 1, 9) });
    port.setCellText("credits", "G2", "1, 2");
    port.appendLogRow([port.timestamp(), "A", "", "1, 2"]);
    expect(port.readTables().credits?.[1][6]).toBe("1, 2");
    expect(original.credits?.[1][6]).toBe("");
    expect(port.assignmentLog).toEqual([
      ["When", "Credit", "Before", "After"],
      ["2026-12-01 09:00:00", "A", "", "1, 2"],
    ]);
  });

  test("an input sheet's name is never taken by an output sheet (CONTRACT §4)", () => {
    const port = memoryWorkbookPort(tables());
    const table = { header: [], kinds: [], rows: [] };
    expect(
      port.writeOwnedSheet({
        name: "Credits",
        table,
        minorUnits: 2,
        currency: "USD",
        lineChart: false,
      }),
    ).toBe("Credits (2)");
    expect(
      port.writeOwnedSheet({
        name: "Credit plan",
        table,
        minorUnits: 2,
        currency: "USD",
        lineChart: false,
      }),
    ).toBe("Credit plan");
    // Its own sheet is rewritten in place.
    expect(
      port.writeOwnedSheet({
        name: "Credit plan",
        table,
        minorUnits: 2,
        currency: "USD",
        lineChart: false,
      }),
    ).toBe("Credit plan");
  });

  test("setting a cell of a sheet that is not there fails with its name", () => {
    const port = memoryWorkbookPort({ campaigns: tables().campaigns });
    expect(() => port.setCellText("Credits", "A1", "x")).toThrow(/Credits/);
  });
});

describe("google.script.run stand-in", () => {
  test("refuses what the real google.script.run refuses (a Date, a function), however deep", () => {
    const posted: string[] = [];
    const page = {
      fetch: (_url: string, init: { body: string }) => {
        posted.push(init.body);
        return new Promise(() => {});
      },
      document: { addEventListener: () => {} },
    } as Record<string, unknown>;
    page.window = page;
    vm.runInNewContext(previewShimScript(["getPlan"], "preview"), page);
    const run = (page.google as { script: { run: Record<string, (...a: unknown[]) => void> } })
      .script.run;
    expect(() => run.getPlan([{ kind: "budget", at: new Date() }])).toThrow(
      /illegal value in property: 0\.0\.at/,
    );
    expect(() => run.getPlan(() => 1)).toThrow(/illegal value/);
    run.getPlan([{ kind: "budget", campaign: "1", budget: 0 }], { recommendations: false });
    expect(posted).toHaveLength(1);
  });

  test("goes before every other script and cannot be closed early by data", () => {
    const shim = previewShimScript(["getPlan"], "</script><img src=x onerror=alert(1)>");
    expect(shim).not.toContain("</script>");
    expect(shim).not.toContain("<img");
    const page = injectShim(
      "<html><head><title>x</title></head><body><script>app()</script>",
      shim,
    );
    expect(page.indexOf(shim)).toBeLessThan(page.indexOf("app()"));
  });
});

describe("preview server", () => {
  let preview: RunningPreview;
  const rpc = async (fn: string, args: unknown[]) => {
    const response = await fetch(new URL("/rpc", preview.url), {
      method: "POST",
      body: JSON.stringify({ fn, args }),
    });
    return (await response.json()) as { ok: boolean; result?: unknown; error?: string };
  };

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

  test("binds 127.0.0.1 and serves the page with the stand-in", async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(preview.url)).text();
    expect(html).toContain("window.google");
    expect(html).toContain("sidebar");
  });

  test("getPlan answers with the service's plan, what-if applied, dates as text", async () => {
    const plain = await rpc("getPlan", [null]);
    const cut = await rpc("getPlan", [[{ kind: "budget", campaign: "1", budget: 0 }]]);
    expect(plain.ok && cut.ok).toBe(true);
    const a = plain.result as PlanJson;
    const b = cut.result as PlanJson;
    expect(a.start).toBe("2026-12-01");
    expect(b.campaigns[0].demand).toBe(0);
    expect(a.campaigns[0].demand).toBeGreaterThan(0);
    expect(a.series?.days).toBe(30);
  });

  test("errors come back as messages, unknown functions included", async () => {
    expect(await rpc("getPlan", ["not a list"])).toMatchObject({ ok: false });
    const unknown = await rpc("deleteEverything", []);
    expect(unknown).toEqual({ ok: false, error: "Unknown server function 'deleteEverything'" });
  });

  test("Apply and Write act on the in-memory copy and say so", async () => {
    const applied = await rpc("applyRecommendation", ["A", ["1"]]);
    expect(applied.ok).toBe(true);
    expect(JSON.stringify(applied.result)).toContain("in-memory copy");
    expect(preview.workbook.readTables().credits?.[1][6]).toBe("1");
    const written = await rpc("writePlanToSheets", []);
    expect(JSON.stringify(written.result)).toContain("in-memory copy");
    expect(preview.workbook.ownedSheets.size).toBeGreaterThan(0);
  });

  test("selectCell is recorded and visible in the preview state", async () => {
    expect((await rpc("selectCell", ["Credits", "g2"])).ok).toBe(true);
    const state = await (await fetch(new URL("/__preview/state", preview.url))).json();
    expect(state.selections).toEqual([{ sheet: "Credits", a1: "G2" }]);
  });
});
