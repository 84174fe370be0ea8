import { describe, expect, it } from "vitest";
import { checkBundleText, renderDeclarations, validateRegistry } from "../../src/gas/declarations";
import { type GlobalEntry, helpText, menuItems, REGISTRY } from "../../src/gas/registry";

const CUSTOM: GlobalEntry = {
  name: "CREDIT_TEST",
  kind: "custom",
  description: "A test function.",
  params: [{ name: "value", type: "number", description: "A value." }],
  returns: "A number.",
  run: (value: unknown) => value,
};

describe("the registry of Code.js globals", () => {
  it("is valid and names every function of CONTRACT §3 and §4", () => {
    expect(validateRegistry(REGISTRY)).toEqual([]);
    const names = REGISTRY.map((e) => e.name);
    for (const name of [
      "CREDIT_PLAN",
      "CREDIT_CAMPAIGNS",
      "CREDIT_DRAWDOWN",
      "CREDIT_FALLBACK_DATE",
      "CREDIT_WARNINGS",
      "CREDIT_TOPUP",
      "CREDIT_EXPIRY",
      "CREDIT_ASSIGN_LIMIT",
      "CREDIT_ISSUE_DATE",
      "onOpen",
      "onInstall",
      "showPlanner",
      "createTemplateSheets",
      "writePlanToSheets",
      "getPlan",
      "applyRecommendation",
      "selectCell",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("fails a name ending in '_' (Apps Script would make it private)", () => {
    const problems = validateRegistry([{ ...CUSTOM, name: "CREDIT_TEST_" }]);
    expect(problems.join()).toMatch(/CREDIT_TEST_.*ends in '_'/);
  });

  it("fails a custom function without a description, parameter docs or @return", () => {
    expect(validateRegistry([{ ...CUSTOM, description: " " }]).join()).toMatch(/description/);
    expect(validateRegistry([{ ...CUSTOM, params: [] }]).join()).toMatch(
      /no documented parameters/,
    );
    expect(
      validateRegistry([
        { ...CUSTOM, params: [{ name: "value", type: "number", description: "" }] },
      ]).join(),
    ).toMatch(/needs a type and a description/);
    expect(validateRegistry([{ ...CUSTOM, returns: undefined }]).join()).toMatch(/@return/);
  });

  it("fails an implementation that does not take the documented parameters", () => {
    expect(validateRegistry([{ ...CUSTOM, run: () => 1 }]).join()).toMatch(
      /documents 1 parameter\(s\) but its implementation takes 0/,
    );
  });

  it("builds the menu and the help text from the entries", () => {
    expect(menuItems().map((i) => `${i.label}→${i.functionName}`)).toEqual([
      "Open planner→showPlanner",
      "Create template sheets→createTemplateSheets",
      "Write plan to sheets→writePlanToSheets",
      "Email me daily alerts→enableDailyAlerts",
      "Stop daily alerts→disableDailyAlerts",
      "Help→showHelp",
    ]);
    const formulas = helpText().split("\n").pop() ?? "";
    for (const entry of REGISTRY.filter((e) => e.kind === "custom")) {
      expect(formulas).toContain(entry.name);
    }
  });

  it("fails duplicates and names that are not identifiers", () => {
    expect(validateRegistry([CUSTOM, CUSTOM]).join()).toMatch(/twice/);
    expect(validateRegistry([{ ...CUSTOM, name: "CREDIT-TEST" }]).join()).toMatch(/identifier/);
  });

  it("renders a JSDoc block with @customfunction right above each custom function", () => {
    const text = renderDeclarations([CUSTOM], "NS");
    expect(text).toBe(
      [
        "/**",
        " * A test function.",
        " * @param {number} value A value.",
        " * @return A number.",
        " * @customfunction",
        " */",
        "function CREDIT_TEST(value) {",
        "  return NS.functions.CREDIT_TEST(value);",
        "}",
      ].join("\n"),
    );
  });

  it("flags import/export statements left in the bundle", () => {
    expect(checkBundleText('import { x } from "y";\nvar a = 1;')).toHaveLength(1);
    expect(checkBundleText("var a = 1;\nexport { a };")).toHaveLength(1);
    expect(checkBundleText("var a = 1;\nfunction f() { return a; }")).toEqual([]);
  });
});
