/**
 * Issue 10 item 3: adding a credit type is a change to the type table plus its
 * rule code, and the compiler points at every other place. This compiles src/
 * with one more member in the model's `CreditType` union (in memory, nothing
 * is written) and checks that exactly the two tables are flagged: the rules
 * table in core and the labels/spellings table in sheets.
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CREDIT_TYPES } from "../../src/core";
import { CREDIT_TYPE_TABLE } from "../../src/sheets/enums";

const ROOT = path.resolve(__dirname, "../..");
const MODEL = path.join(ROOT, "src/core/model.ts");

/** Files (relative to the repo) that fail to compile when `edit` is applied to model.ts. */
function filesFlaggedWith(edit: (modelText: string) => string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("tsconfig.json is not readable");
  const host = ts.createCompilerHost(parsed.options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) => {
    if (path.resolve(fileName) !== MODEL) return readSource(fileName, language, ...rest);
    const text = ts.sys.readFile(fileName);
    if (text === undefined) throw new Error(`cannot read ${fileName}`);
    return ts.createSourceFile(fileName, edit(text), language);
  };
  const sources = parsed.fileNames.filter((f) => f.startsWith(path.join(ROOT, "src") + path.sep));
  const program = ts.createProgram(sources, parsed.options, host);
  const files = ts
    .getPreEmitDiagnostics(program)
    .map((d) => (d.file ? path.relative(ROOT, d.file.fileName).split(path.sep).join("/") : "?"));
  return [...new Set(files)].sort();
}

describe("credit-type table (issue 10 item 3)", () => {
  it("every type has its rules and its sheet labels", () => {
    expect(Object.keys(CREDIT_TYPES).sort()).toEqual(Object.keys(CREDIT_TYPE_TABLE).sort());
    expect(CREDIT_TYPES.business_center.tier).toBe(1);
    expect(
      Object.entries(CREDIT_TYPES)
        .filter(([, r]) => r.assignable)
        .map(([t]) => t),
    ).toEqual(["assignable"]);
  });

  it("a new credit type makes the compiler point at the two type tables and nowhere else", () => {
    const flagged = filesFlaggedWith((text) => {
      const edited = text.replace('  | "coupon";', '  | "coupon"\n  | "gift_card";');
      if (edited === text) throw new Error("CreditType union not found in model.ts");
      return edited;
    });
    expect(flagged).toEqual(["src/core/creditTypes.ts", "src/sheets/enums.ts"]);
  }, 120_000);
});
