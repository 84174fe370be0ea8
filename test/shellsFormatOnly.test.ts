/**
 * One plan, many faces (CONTRACT §5): the shells (src/cli, src/sidebar,
 * src/gas) format plan figures and never compute money of their own — no
 * `+`/`-` next to a money field, no `.reduce(` summing amounts. Every sum a
 * face shows is in the plan (core `Totals`, `CreditResult.available`,
 * `atRisk`, `Recommendation.expirySaved`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SHELLS = ["src/cli", "src/sidebar", "src/gas"];
const MONEY_FIELDS = [
  "amount",
  "remainingAtStart",
  "remainingAtEnd",
  "remaining",
  "issued",
  "available",
  "atRisk",
  "used",
  "expired",
  "blocked",
  "demand",
  "spend",
  "creditFunded",
  "cashFunded",
  "cardFunded",
  "undelivered",
  "outOfPocket",
  "cashAtStart",
  "cashAtEnd",
  "cardCharged",
  "expiredBefore",
  "expiredAfter",
  "expirySaved",
  "creditUpperBound",
  "cash",
].join("|");

const FIELD = `\\.(?:${MONEY_FIELDS})\\b(?:\\[[^\\]]*\\])?`;
const ARITHMETIC = [
  // a.issued + …, c.remaining[d] - …, x.used * …
  new RegExp(`${FIELD}\\s*(?:[-+*/]|[-+*/]=)(?!=)`),
  // … + c.issued, total += entry.remaining[d]
  new RegExp(`(?:[-+*/]|[-+*/]=)\\s*[\\w$.()?]*${FIELD}`),
  /\.reduce\(/,
];

function shellFiles(): string[] {
  return SHELLS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(dir, f)),
  );
}

/** Code without comments and string/template literal text (`${…}` parts stay). */
function codeOf(file: string): string[] {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .split("\n");
}

/** Money arithmetic found in lines of code: `file:line: text`. */
function moneyArithmetic(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    codeOf(file).forEach((line, i) => {
      if (ARITHMETIC.some((pattern) => pattern.test(line))) {
        found.push(`${file}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  return found;
}

describe("shells format only (CONTRACT §5)", () => {
  it("no shell adds, subtracts or sums money fields", () => {
    expect(moneyArithmetic(shellFiles())).toEqual([]);
  });

  it("the check finds what it looks for", () => {
    const lines = [
      "const total = plan.credits.reduce((s, c) => s + c.remainingAtStart, 0);",
      "const size = credit.remainingAtStart + credit.issued;",
      "for (const e of rest) others[d] += e.remaining[d];",
      "money(r.expiredBefore - r.expiredAfter)",
    ];
    for (const line of lines) {
      expect(
        ARITHMETIC.some((p) => p.test(line)),
        line,
      ).toBe(true);
    }
    expect(ARITHMETIC.some((p) => p.test("money(c.atRisk)"))).toBe(false);
    expect(ARITHMETIC.some((p) => p.test("r.atRisk > 0 && x"))).toBe(false);
  });
});
