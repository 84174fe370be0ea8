import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { dayFromYmd } from "../../src/core";

describe("CONTRACT §2 arguments", () => {
  it("plan with every option, in any order, with = or a separate value", () => {
    expect(
      parseArgs([
        "plan",
        "dir",
        "--start",
        "2026-12-01",
        "--days=30",
        "--json",
        "--daily",
        "--strict",
      ]),
    ).toEqual({
      ok: true,
      value: {
        command: "plan",
        path: "dir",
        start: dayFromYmd(2026, 12, 1),
        days: 30,
        json: true,
        daily: true,
        strict: true,
      },
    });
    expect(parseArgs(["plan", "--json", "book.xlsx"])).toMatchObject({
      ok: true,
      value: { path: "book.xlsx", json: true, daily: false, strict: false },
    });
  });

  it("alerts with --within, --json, --start and --days", () => {
    expect(parseArgs(["alerts", "dir", "--within=14", "--json"])).toEqual({
      ok: true,
      value: { command: "alerts", path: "dir", within: 14, json: true },
    });
    expect(parseArgs(["alerts", "--start", "2026-12-01", "dir"])).toEqual({
      ok: true,
      value: { command: "alerts", path: "dir", start: dayFromYmd(2026, 12, 1), json: false },
    });
  });

  it("template and help", () => {
    expect(parseArgs(["template", "out"])).toEqual({
      ok: true,
      value: { command: "template", dir: "out" },
    });
    expect(parseArgs(["--help"])).toEqual({ ok: true, value: { command: "help" } });
    expect(parseArgs(["plan", "-h"])).toEqual({ ok: true, value: { command: "help" } });
  });

  it.each([
    [[]],
    [["frobnicate"]],
    [["plan"]],
    [["plan", "a", "b"]],
    [["plan", "a", "--start", "2026-02-30"]],
    [["plan", "a", "--start"]],
    [["plan", "a", "--days", "0"]],
    [["plan", "a", "--days", "3651"]],
    [["plan", "a", "--days", "ten"]],
    [["plan", "a", "--verbose"]],
    [["plan", "a", "--json=yes"]],
    [["alerts"]],
    [["alerts", "a", "--within"]],
    [["alerts", "a", "--within", "0"]],
    [["alerts", "a", "--within", "1.5"]],
    [["alerts", "a", "--daily"]],
    [["plan", "a", "--within", "7"]],
    [["template"]],
    [["template", "a", "b"]],
  ])("bad arguments %j are refused with one line", (argv) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).not.toContain("\n");
  });
});
