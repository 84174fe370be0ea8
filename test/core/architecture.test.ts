import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd, isoDate, parseIsoDate, ymdFromDay } from "../../src/core";

const CORE = "src/core";
const files = readdirSync(CORE).filter((f) => f.endsWith(".ts"));

describe("src/core stays pure", () => {
  it("imports nothing outside src/core", () => {
    for (const file of files) {
      const text = readFileSync(join(CORE, file), "utf8");
      const specifiers = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const spec of specifiers)
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w.-]+$/);
    }
  });
  it("touches no Apps Script, DOM, Node or Date API", () => {
    const banned =
      /\b(SpreadsheetApp|HtmlService|document|window|process|require|Buffer|new Date|Date\.)\b/;
    for (const file of files) {
      const code = readFileSync(join(CORE, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(banned.exec(code)?.[0], file).toBeUndefined();
    }
  });
});

describe("R1 calendar arithmetic without Date", () => {
  it("R1: day numbers agree with the proleptic Gregorian calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const expected = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(isoDate(d)).toBe(expected);
        const [y, m, dom] = ymdFromDay(d);
        expect(dayFromYmd(y, m, dom)).toBe(d);
        expect(parseIsoDate(expected)).toBe(d);
      }),
      { numRuns: 2_000 },
    );
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-2-3")).toBeNull();
  });
});
