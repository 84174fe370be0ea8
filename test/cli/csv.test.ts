import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv, UnreadableInput } from "../../src/cli/csv";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("CSV as a spreadsheet imports it", () => {
  it("UTF-8 BOM, quoted new lines and quotes, blank lines kept as rows", () => {
    const table = parseCsv(
      bytes('\uFEFFCampaign ID,Campaign name\n1,"Line one\nline two"\n\n2,"She said ""hi"""\n'),
    );
    expect(table).toEqual([
      ["Campaign ID", "Campaign name"],
      ["1", "Line one\nline two"],
      [""],
      ["2", 'She said "hi"'],
    ]);
  });

  it("semicolon-separated files as European locales save them", () => {
    expect(detectDelimiter("Credit ID;Amount;Type\nC1;1,50;Free\n")).toBe(";");
    expect(parseCsv(bytes('Credit ID;Amount\nC1;"1,5"\n'))).toEqual([
      ["Credit ID", "Amount"],
      ["C1", "1,5"],
    ]);
    expect(detectDelimiter('a,b,"x;y;z"\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
  });

  it("a 19-digit id keeps every digit (CSV cells are text)", () => {
    expect(parseCsv(bytes("id\n1790123456789012345\n"))[1][0]).toBe("1790123456789012345");
  });

  it("an unbalanced quote is a clear error, not a hang", () => {
    expect(() => parseCsv(bytes('a,b\n1,"never closed\n2,3\n'))).toThrow(UnreadableInput);
    expect(() => parseCsv(bytes('a,b\n1,"never closed\n2,3\n'))).toThrow(/quote/i);
  });

  it("binary garbage is refused", () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => parseCsv(garbage)).toThrow(/binary|UTF-8/);
    // No NUL byte, not UTF-8, but control characters and an undefined code-page byte: not text.
    expect(() => parseCsv(new Uint8Array([0x41, 0x01, 0x02, 0x9d, 0x41]))).toThrow(
      /neither UTF-8 nor Windows-1252/,
    );
  });

  it("a 1 MB quoted cell parses", () => {
    const huge = "x".repeat(1024 * 1024);
    expect(parseCsv(bytes(`a,b\n1,"${huge}"\n`))[1][1]).toHaveLength(huge.length);
  });
});

describe("R11: the delimiter comes from the header row, never from data (issue 16.1)", () => {
  const credits = new Set(["creditid", "type", "amount", "issuedate", "assignedcampaigns"]);

  it("unquoted '; ' lists in a comma file keep it comma-separated", () => {
    const text = `Credit ID,Type,Amount,Assigned campaigns\nA1,Assignable,50,${"1; 2; 3; 4; 5; 6; 7; 8; 9; 10"}\n`;
    expect(detectDelimiter(text, credits)).toBe(",");
    expect(parseCsv(bytes(text), { headerSpellings: credits })[1]).toEqual([
      "A1",
      "Assignable",
      "50",
      "1; 2; 3; 4; 5; 6; 7; 8; 9; 10",
    ]);
  });

  it("a title row above the header and a semicolon header still read", () => {
    expect(detectDelimiter("Report, 2026\nCredit ID;Type;Amount\nC1;Free;1,5\n", credits)).toBe(
      ";",
    );
  });
});
