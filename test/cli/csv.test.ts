import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { detectDelimiter, headerSearchText, parseCsv, UnreadableInput } from "../../src/cli/csv";
import { normalizeKey } from "../../src/sheets";

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

describe("delimiter detection parses only the start of a file", () => {
  const credits = new Set(["creditid", "type", "amount", "issuedate", "assignedcampaigns"]);
  /** What detection parses for one delimiter: the first rows, or the error. */
  const firstRows = (text: string, delimiter: string) => {
    try {
      return parse(text, {
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        to_line: 20,
      });
    } catch (error) {
      return String(error);
    }
  };
  const expectSameAsWholeText = (text: string) => {
    const head = headerSearchText(text);
    expect(text.startsWith(head)).toBe(true);
    for (const delimiter of [",", ";", "\t"]) {
      expect(firstRows(head, delimiter)).toEqual(firstRows(text, delimiter));
    }
  };
  const dataRows = (count: number, lineEnd: string) =>
    Array.from({ length: count }, (_, i) => `C${i};Free;${i}`).join(lineEnd);

  it("a quoted field whose new lines cross the start still reads as in the whole file", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i}, more; text`).join("\n");
    const text = `Credit ID;Type;Amount\nC1;Free;"${lines}"\n${dataRows(30, "\n")}\n`;
    expect(headerSearchText(text).length).toBeLessThan(text.length);
    expectSameAsWholeText(text);
    expect(detectDelimiter(text, credits)).toBe(";");
    // The title rows and quoted lines push the header past line 20: no header is found either way.
    const late = `${"Report\n".repeat(5)}"${lines}"\nCredit ID;Type;Amount\n${dataRows(30, "\n")}`;
    expectSameAsWholeText(late);
    expect(detectDelimiter(late, credits)).toBe(",");
  });

  it("CRLF, CR and mixed line ends, an unclosed quote and a short file agree with the whole text", () => {
    for (const lineEnd of ["\r\n", "\r", "\n"]) {
      expectSameAsWholeText(`Credit ID;Type;Amount${lineEnd}${dataRows(50, lineEnd)}`);
    }
    expectSameAsWholeText(`Credit ID,Type\r\n${dataRows(25, "\n")}\r${dataRows(25, "\r\n")}`);
    expectSameAsWholeText(`Credit ID,Type\n"never closed\n${dataRows(50, "\n")}`);
    expectSameAsWholeText(`Credit ID,Type\n${"x".repeat(30)}"${"\n".repeat(41)}"a\n`);
    expectSameAsWholeText("Credit ID;Type\nC1;Free\n");
  });

  /** Detection as it was: every delimiter's rows parsed from the whole text. */
  const wholeTextDelimiter = (text: string, spellings: ReadonlySet<string>) => {
    let best = "";
    let bestScore = 0;
    for (const delimiter of [",", ";", "\t"]) {
      const rows = firstRows(text, delimiter);
      let score = 0;
      for (const row of Array.isArray(rows) ? rows : []) {
        const known = row.filter(
          (cell: string) => cell.length <= 200 && spellings.has(normalizeKey(cell)),
        );
        score = Math.max(score, known.length);
      }
      if (score > bestScore) {
        best = delimiter;
        bestScore = score;
      }
    }
    return best === "" ? detectDelimiter(text) : best;
  };

  it("random text of quotes, delimiters and line ends agrees with the whole text", () => {
    const pieces = ["a", "Type", "Amount", ",", ";", "\t", '"', '""', "\r", "\n", "\r\n", " "];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      let text = "";
      const length = 20 + (next() % 400);
      for (let i = 0; i < length; i++) text += pieces[next() % pieces.length];
      expectSameAsWholeText(text);
      expect(detectDelimiter(text, credits)).toBe(wholeTextDelimiter(text, credits));
    }
  });
});

describe("the cell limit (maxCells) refuses a file with more cells", () => {
  const refusal = (limit: number) => `has more than ${limit.toLocaleString("en-US")} cells`;

  it("a file whose delimiters and line breaks are few enough is read without counting", () => {
    // Fewer characters than the limit; then fewer delimiters and line breaks than the limit.
    expect(parseCsv(bytes("a,b\nc,d\n"), { maxCells: 9 })).toHaveLength(2);
    expect(parseCsv(bytes("a,b\nc,d"), { maxCells: 4 })).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("a file over the limit is refused with the message as before", () => {
    expect(() => parseCsv(bytes("a,b\nc,d\n"), { maxCells: 3 })).toThrow(refusal(3));
    expect(() => parseCsv(bytes("a,b\r\nc,d,e"), { maxCells: 4 })).toThrow(refusal(4));
    expect(parseCsv(bytes("a,b\r\nc,d,e"), { maxCells: 5 })).toHaveLength(2);
  });

  it("quoted delimiters and new lines are no cells: the exact count decides", () => {
    // 4 cells, but 5 commas and 5 line breaks: only counting while parsing tells.
    const text = 'a,"x,y,z\nw"\n"1,2\r\n3",b\n';
    expect(parseCsv(bytes(text), { maxCells: 4 })).toEqual([
      ["a", "x,y,z\nw"],
      ["1,2\r\n3", "b"],
    ]);
    expect(() => parseCsv(bytes(text), { maxCells: 3 })).toThrow(refusal(3));
    expect(() => parseCsv(bytes(text), { maxCells: 3 })).toThrow(UnreadableInput);
  });

  it("a semicolon file counts its semicolons, not its commas", () => {
    const text = "Credit ID;Type;Amount\nC1;Free;1\n";
    const credits = new Set(["creditid", "type", "amount"]);
    expect(parseCsv(bytes(text), { headerSpellings: credits, maxCells: 6 })).toHaveLength(2);
    expect(() => parseCsv(bytes(text), { headerSpellings: credits, maxCells: 5 })).toThrow(
      refusal(5),
    );
  });
});
