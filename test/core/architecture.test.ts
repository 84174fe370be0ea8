import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd, isoDate, parseIsoDate, ymdFromDay } from "../../src/core";

/** Every TypeScript file under `dir`, subfolders included, as paths from the repo root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f).split(sep).join("/"));
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

interface Import {
  specifier: string;
  /** `import type` / `export type`: erased at build time. */
  typeOnly: boolean;
  /** The src/ folder it points into ("core", "sheets", …), "package" or "node". */
  target: string;
}

const LAYERS = ["core", "sheets", "gas", "cli", "sidebar"] as const;
type Layer = (typeof LAYERS)[number];

function importsOf(file: string): Import[] {
  const code = withoutComments(readFileSync(file, "utf8"));
  const statements = [
    ...code.matchAll(/^\s*(?:import|export)\s+(type\s+)?[\w\s{},*$]*?\bfrom\s+"([^"]+)"/gm),
    ...code.matchAll(/^\s*import\s+()"([^"]+)"/gm),
    ...code.matchAll(/\bimport\(\s*()"([^"]+)"\s*\)/g),
  ];
  return statements.map((m) => {
    const specifier = m[2];
    let target = "package";
    if (specifier.startsWith("node:")) target = "node";
    else if (specifier.startsWith(".")) {
      const path = relative("src", resolve(dirname(file), specifier)).split(sep);
      target = path[0] === ".." || path[0] === "" ? "outside src" : path[0];
    }
    return { specifier, typeOnly: m[1] !== undefined && m[1] !== "", target };
  });
}

/** Packages src/sheets may use: pure data the reader needs in every face (SHEETS.md Countries). */
function isSheetsDataPackage(specifier: string): boolean {
  return (
    specifier === "i18n-iso-countries/index.js" ||
    /^i18n-iso-countries\/langs\/en\.json$/.test(specifier)
  );
}

/** The seven "never" arrows of the layering (README, BRIEF): what each folder may import. */
const MAY_IMPORT: Record<Layer, (i: Import) => boolean> = {
  // core is pure: nothing outside core, no package, no Node.
  core: (i) => i.target === "core",
  // sheets maps tables to the model: core only, plus the country list (pure data, runs in Apps Script too).
  sheets: (i) => i.target === "sheets" || i.target === "core" || isSheetsDataPackage(i.specifier),
  // gas never imports cli or sidebar, and no Node API (Apps Script has none).
  gas: (i) => ["gas", "sheets", "core", "package"].includes(i.target),
  // cli never imports gas or sidebar.
  cli: (i) => ["cli", "sheets", "core", "package", "node"].includes(i.target),
  // sidebar never imports gas, cli or core; from sheets only types.
  sidebar: (i) => i.target === "sidebar" || (i.target === "sheets" && i.typeOnly),
};

describe("the layers import only downward", () => {
  for (const layer of LAYERS) {
    it(`src/${layer} imports only what it may (subfolders included)`, () => {
      const files = sourceFiles(`src/${layer}`);
      expect(files.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const file of files) {
        for (const i of importsOf(file)) {
          if (!MAY_IMPORT[layer](i)) {
            wrong.push(`${file} imports ${i.typeOnly ? "type " : ""}${i.specifier}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it("the import scanner sees every kind of import", () => {
    const file = "src/core/recommend/rerunner.ts";
    const found = importsOf(file);
    expect(found.map((i) => i.target)).toContain("core");
    expect(found.find((i) => i.specifier === "../basis")).toMatchObject({ typeOnly: true });
    expect(sourceFiles("src/core")).toContain(file);
    expect(importsOf("src/cli/xlsx.ts").map((i) => i.specifier)).toContain("read-excel-file/node");
  });
});

describe("src/core stays pure", () => {
  it("touches no Apps Script, DOM, Node or Date API", () => {
    const banned =
      /\b(SpreadsheetApp|HtmlService|document|window|process|require|Buffer|new Date|Date\.)\b/;
    for (const file of sourceFiles("src/core")) {
      const code = readFileSync(file, "utf8")
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
