/**
 * Issue 16 item 7: a spread in a call's arguments (`Math.min(...days)`,
 * `out.push(...lines)`, `h("ul", null, ...items)`) passes every element as an
 * argument, and V8 overflows the stack at about 100,000 of them. Over
 * data-sized arrays (campaigns, credits, days, rows) that is a crash a big
 * account meets, so src/ has none at all: lists go in as one argument (the
 * sidebar's `h` takes arrays of children, the CLI appends in a loop).
 * test/cli/manyCampaigns.test.ts runs 130,000 campaigns through the paths.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `f(...x)` / `new F(...x)` argument spread in a source text, as "name: ...x". */
function callSpreads(name: string, text: string): string[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isSpreadElement(node) &&
      (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))
    ) {
      found.push(`${name}: ${node.getText(file).replace(/\s+/g, " ")}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no spread over data-sized arrays (issue 16 item 7)", () => {
  it("no call-argument spread anywhere in src/", () => {
    const spreads = sourceFiles(join(ROOT, "src")).flatMap((path) =>
      callSpreads(relative(ROOT, path), readFileSync(path, "utf8")),
    );
    expect(spreads).toEqual([]);
  });

  it("the check finds call and constructor spreads, not array or object spreads", () => {
    const probe = "Math.min(...days); out.push(...lines); new Set(...x); f([...a], { ...b });";
    expect(callSpreads("probe.ts", probe)).toEqual([
      "probe.ts: ...days",
      "probe.ts: ...lines",
      "probe.ts: ...x",
    ]);
  });
});
