/**
 * "Create template sheets": adds whichever input sheets are missing, with
 * the SHEETS.md headers, a few example rows, dropdowns for the enum columns,
 * date and money formats and a frozen header. An existing sheet (any case of
 * its name) is never touched.
 */
import { templateTables } from "../sheets";
import { ensureGrid } from "./spreadsheetPort";
import { TEXT_FORMAT } from "./textSafety";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows given formats and dropdowns below the header. */
const FORMATTED_ROWS = 1000;

const DATE_COLUMNS = new Set([
  "Start date",
  "End date",
  "Issue date",
  "Valid until",
  "Spend counted from",
  "Earn by",
  "Redeem on",
  "Redeem by",
  "Date",
]);
const MONEY_COLUMNS = new Set([
  "Budget",
  "Expected daily spend",
  "Spent to date",
  "Amount",
  "Used",
  "Unused amount",
  "Min cash balance",
  "Spend threshold",
  "Spend so far",
  "Spend",
]);
/**
 * Id columns (and lists of ids) are Plain text: a number cell keeps 15
 * significant digits, so a pasted 19-digit TikTok id would be rounded
 * (SHEETS "Real exports": ID_PRECISION_LOST).
 */
const TEXT_COLUMNS = new Set([
  "Campaign ID",
  "Credit ID",
  "Assigned campaigns",
  "Ad group ID",
  "Countries",
]);

function formatOf(header: string): string | null {
  if (DATE_COLUMNS.has(header)) return "yyyy-mm-dd";
  if (MONEY_COLUMNS.has(header)) return "#,##0.00";
  if (TEXT_COLUMNS.has(header)) return TEXT_FORMAT;
  return null;
}

/** Adds the missing input sheets; returns the names added. */
export function createTemplates(spreadsheet: Spreadsheet): string[] {
  const existing = new Set(spreadsheet.getSheets().map((s) => s.getName().trim().toLowerCase()));
  const added: string[] = [];
  for (const template of templateTables()) {
    if (existing.has(template.name.trim().toLowerCase())) continue;
    const sheet = spreadsheet.insertSheet(template.name);
    const width = template.header.length;
    ensureGrid(sheet, FORMATTED_ROWS + 1, width);
    template.header.forEach((header, column) => {
      const format = formatOf(header);
      if (format) sheet.getRange(2, column + 1, FORMATTED_ROWS, 1).setNumberFormat(format);
      const choices = template.dropdowns[header];
      if (choices) {
        // Allow other values: API spellings (ENABLE, BUDGET_MODE_DAY) are read too.
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInList(choices, true)
          .setAllowInvalid(true)
          .build();
        sheet.getRange(2, column + 1, FORMATTED_ROWS, 1).setDataValidation(rule);
      }
    });
    const rows = [template.header, ...template.examples].map((row) =>
      template.header.map((_, c) => row[c] ?? ""),
    );
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    sheet.getRange(1, 1, 1, width).setFontWeight("bold");
    sheet.setFrozenRows(1);
    added.push(template.name);
  }
  return added;
}
