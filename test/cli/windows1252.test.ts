/**
 * SHEETS.md "Locale": a CSV that is not UTF-8 is read as Windows-1252 (what
 * Excel's plain "CSV" saves on Windows), with one TEXT_ENCODING info naming
 * the file (R11).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { decodeText, readCsv } from "../../src/cli/csv";
import { loadWorkbook } from "../../src/cli/loadWorkbook";
import { readAndPlan } from "../../src/sheets";

/** Windows-1252 bytes of text (€ is 0x80, ’ 0x92, é 0xE9), as Excel's "CSV" saves it. */
function windows1252(text: string): Uint8Array {
  return iconv.encode(text, "win1252");
}

const scratch = mkdtempSync(join(tmpdir(), "cp-1252-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("Windows-1252 CSV", () => {
  it("bytes that are not UTF-8 are decoded as Windows-1252 (€, accents, curly quotes)", () => {
    const text = "Name,Amount\nCrédit d’été,€1,234.50\n";
    const bytes = windows1252(text);
    expect([...bytes.slice(19, 23)]).toEqual([0x64, 0x92, 0xe9, 0x74]); // d’ét
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text, encoding: "Windows-1252" });
    // UTF-8 stays UTF-8, with no note.
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text });
    expect(readCsv(windows1252('a,b\n"€5",é\n')).table).toEqual([
      ["a", "b"],
      ["€5", "é"],
    ]);
  });

  it("R11: the CLI reads a Windows-1252 credits.csv with one info naming the file; € amounts plan", async () => {
    const dir = join(scratch, "eur");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    writeFileSync(join(dir, "campaigns.csv"), "Campaign ID,Campaign name,Budget\n1,Café,€10.00\n");
    const credits = join(dir, "credits.csv");
    writeFileSync(
      credits,
      windows1252(
        "Credit ID,Name,Type,Amount,Issue date\nK1,Crédit d’été,Free,€25.00,2026-11-20\n",
      ),
    );
    writeFileSync(
      join(dir, "account.csv"),
      "Setting,Value\nCurrency,EUR\nPlan start,2026-12-01\nHorizon days,5\n",
    );
    const loaded = await loadWorkbook(dir);
    expect(loaded.notes.map((n) => [n.code, n.severity, n.sheet])).toEqual([
      ["TEXT_ENCODING", "info", "Credits"],
    ]);
    expect(loaded.notes[0].message).toContain(credits);
    expect(loaded.notes[0].message).toContain("Windows-1252");
    const result = readAndPlan(loaded.tables, { now: Date.UTC(2026, 11, 1) });
    if (!result.ok) throw new Error(result.error);
    const credit = result.plan.credits[0];
    expect([credit.id, credit.name]).toEqual(["K1", "Crédit d’été"]);
    // 5 days × €10: the €25 credit pays the first 2.5 days.
    expect(credit.used).toBe(2500);
    expect(result.plan.campaigns[0].name).toBe("Café");
  });
});
