/**
 * Campaign and ad-group status words (SHEETS.md "Real exports (spec v3)",
 * Statuses): every Ads Manager primary status and every Business API
 * `operation_status`, `primary_status` (STATUS_*) and `secondary_status`
 * (CAMPAIGN_STATUS_*, ADGROUP_STATUS_*, AD_STATUS_*, …) value maps to one of
 * the seven statuses by whether the campaign can spend (R3). docs/sheets.md
 * shows this table; a test checks that the two agree.
 */
import type { BudgetMode, CampaignStatus } from "../core";
import { enumChoices, isBlank, normalizeKey } from "./cells";
import { CAMPAIGN_STATUS_TABLE } from "./enums";
import type { RowReader } from "./rowReader";

/**
 * What a status word means. Besides the seven statuses:
 * - `out_of_budget`: today's budget is spent; Active for daily and no-limit
 *   budgets (it delivers again tomorrow), Completed for a lifetime one.
 * - `not_delivering`: Active, with an info STATUS_ASSUMED (the plan forecasts
 *   from budgets, as if the campaign delivered).
 * - `filter`: a value the API accepts only as a list filter (`*_ALL`,
 *   `*_NOT_DELETE`), not a status: Paused with a warning STATUS_ASSUMED.
 */
export type StatusMeaning = CampaignStatus | "out_of_budget" | "not_delivering" | "filter";

export const STATUS_WORDS: Readonly<Record<StatusMeaning, readonly string[]>> = {
  active: [
    // Ads Manager and hand-typed
    "Active",
    "Delivering",
    "Learning",
    "Learning limited",
    "Limited delivery",
    "Enabled",
    // operation_status / primary_status
    "ENABLE",
    "STATUS_DELIVERY_OK",
    "STATUS_DELIVERY_PARTIAL",
    // secondary_status: delivering, possibly in part
    "CAMPAIGN_STATUS_ENABLE",
    "ADGROUP_STATUS_DELIVERY_OK",
    "ADGROUP_STATUS_PARTIAL_AUDIT_DELIVERY_OK",
    "ADGROUP_STATUS_REVIEW_PARTIALLY_APPROVED",
    "ADGROUP_STATUS_SEARCH_KEYWORDS_PARTIAL_APPROVED",
    "AD_STATUS_DELIVERY_OK",
    "AD_STATUS_PARTIAL_AUDIT_DELIVERY_OK",
    "AD_STATUS_REVIEW_PARTIALLY_APPROVED",
    "MATERIAL_DELIVERY_OK",
    "MATERIAL_AUDIT_PARTIAL_APPROVED",
    // Out of account balance: the plan's own cash rules (R4) decide when it stops.
    "ADVERTISER_ACCOUNT_BALANCE_EXCEED",
    "ADGROUP_STATUS_BALANCE_EXCEED",
    "ADGROUP_STATUS_RF_SHORT_BALANCE",
    "AD_STATUS_BALANCE_EXCEED",
  ],
  out_of_budget: [
    "CAMPAIGN_STATUS_BUDGET_EXCEED",
    "ADGROUP_STATUS_BUDGET_EXCEED",
    "ADGROUP_STATUS_CAMPAIGN_EXCEED",
    "AD_STATUS_BUDGET_EXCEED",
    "AD_STATUS_CAMPAIGN_EXCEED",
    "Out of budget",
  ],
  not_delivering: ["Not delivering", "STATUS_NOT_DELIVERY"],
  scheduled: [
    "Scheduled",
    "In review",
    "Pending",
    "To be delivered",
    "Not started",
    "ADGROUP_STATUS_NOT_START",
    "ADGROUP_STATUS_ADGROUP_PRE_ONLINE",
    "ADGROUP_STATUS_LIVE_NOT_START",
    "ADGROUP_STATUS_CREATE",
    "ADGROUP_STATUS_RF_BOOKING",
    "ADGROUP_STATUS_RF_SCHEDULE",
    "AD_STATUS_AD_PRE_ONLINE",
    "AD_STATUS_NOT_START",
    "AD_STATUS_LIVE_OFFLINE",
  ],
  paused: [
    "Paused",
    "Inactive",
    "Not approved",
    "Rejected",
    "Disabled",
    "DISABLE",
    "FROZEN",
    "STATUS_DISABLE",
    "STATUS_FROZEN",
    "STATUS_DELIVERY_CATALOG",
    "CAMPAIGN_STATUS_DISABLE",
    "CAMPAIGN_STATUS_ADVERTISER_AUDIT_DENY",
    "CAMPAIGN_STATUS_ADVERTISER_AUDIT",
    "CAMPAIGN_STATUS_AWAITING_RELEASE",
    "CAMPAIGN_STATUS_IDENTITY_USED_BY_GMV_MAX_AD",
    "CAMPAIGN_STATUS_TTS_TT_ASSET_UNAVAILABLE",
    "CAMPAIGN_STATUS_TTS_TT_IDENTITY_UNAVAILABLE",
    "CAMPAIGN_STATUS_TIKTOK_SHOP_UNAVAILABLE",
    "CAMPAIGN_STATUS_REVIEW_DISAPPROVED",
    "CAMPAIGN_STATUS_AD_UNAVAILABLE",
    "CAMPAIGN_STATUS_PRODUCT_UNAVAILABLE",
    "CAMPAIGN_STATUS_LIVE_GMV_MAX_AUTHORIZATION_CANCEL",
    "CAMPAIGN_STATUS_PRODUCT_GMV_MAX_AUTHORIZATION_CANCEL",
    "CAMPAIGN_STATUS_IDENTITY_USED_BY_LIVE_GMV_MAX",
    "CAMPAIGN_STATUS_PRODUCT_USED_BY_PRODUCT_GMV_MAX",
    "ADVERTISER_CONTRACT_PENDING",
    "ADVERTISER_ACCOUNT_PUNISH",
    "ADVERTISER_ACCOUNT_INVALID",
    "ADVERTISER_REAUDIT",
    "ADGROUP_STATUS_ADVERTISER_AUDIT_DENY",
    "ADGROUP_STATUS_ADVERTISER_AUDIT",
    "ADGROUP_STATUS_AUDIT_DENY",
    "ADGROUP_STATUS_REAUDIT",
    "ADGROUP_STATUS_AUDIT",
    "ADGROUP_STATUS_FROZEN",
    "ADGROUP_STATUS_CAMPAIGN_DISABLE",
    "ADGROUP_STATUS_DISABLE",
    "ADGROUP_STATUS_SHADOW_ADGROUP_REAUDIT",
    "ADGROUP_STATUS_PIXEL_UNBIND",
    "ADGROUP_STATUS_PARTIAL_AUDIT_NO_DELIVERY",
    "ADGROUP_STATUS_INDUSTRY_QUALIFICATION_MISSING",
    "ADGROUP_STATUS_INDUSTRY_QUALIFICATION_EXPIRED",
    "ADGROUP_STATUS_INDUSTRY_QUALIFICATION_DENY",
    "ADGROUP_STATUS_ASSET_AUTHORIZATION_LOST",
    "ADGROUP_STATUS_TRANSCODING_FAIL",
    "ADGROUP_STATUS_ADGROUP_QUOTA_LIMIT",
    "ADGROUP_STATUS_IDENTITY_USED_BY_GMV_MAX_AD",
    "ADGROUP_STATUS_SEARCH_KEYWORDS_IN_REVIEW",
    "ADGROUP_STATUS_SEARCH_KEYWORDS_NOT_AVAILABLE",
    "ADGROUP_STATUS_RF_DEDUCTION_FAILED",
    "ADGROUP_STATUS_RF_NO_VALID_CREATIVE",
    "ADGROUP_STATUS_RF_NO_DELIVERY_CREATIVE",
    "ADGROUP_STATUS_RF_AD_AUDIT_DENY",
    "ADGROUP_STATUS_RF_ADGROUP_INVALID",
    "ADGROUP_STATUS_PROMOTE_AD_NOT_APPROVED",
    "AD_STATUS_ADVERTISER_AUDIT_DENY",
    "AD_STATUS_ADVERTISER_AUDIT",
    "AD_STATUS_AUDIT",
    "AD_STATUS_REAUDIT",
    "AD_STATUS_AUDIT_DENY",
    "AD_STATUS_ADGROUP_AUDIT_DENY",
    "AD_STATUS_ADGROUP_PARTIAL_AUDIT_NO_DELIVERY",
    "AD_STATUS_PARTIAL_AUDIT_NO_DELIVERY",
    "AD_STATUS_ADGROUP_INDUSTRY_QUALIFICATION_MISSING",
    "AD_STATUS_ADGROUP_INDUSTRY_QUALIFICATION_EXPIRED",
    "AD_STATUS_ADGROUP_INDUSTRY_QUALIFICATION_DENY",
    "AD_STATUS_MUSIC_AUTHORIZATION_MISSING",
    "AD_STAUS_PIXEL_UNBIND",
    "AD_STATUS_CAMPAIGN_DISABLE",
    "AD_STATUS_ADGROUP_DISABLE",
    "AD_STATUS_DISABLE",
    "AD_STATUS_PROCESS_AUDIO",
    "AD_STATUS_TRANSCODING_FAIL",
    "AD_STATUS_ADGROUP_ASSET_AUTHORIZATION_LOST",
    "AD_STATUS_ASSET_AUTHORIZATION_LOST",
    "AD_STATUS_AD_QUOTA_LIMIT",
    "AD_STATUS_PRODUCT_UNAVAILABLE",
    "AD_STATUS_ANCHOR_UNAVAILABLE",
    "AD_STATUS_NO_AUTHORIZATION_OF_SHOWCASE",
    "AD_STATUS_PROMOTE_AD_OFFLINE_AUDIT",
    "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED",
    "AD_STATUS_CREATIVE_ANCHOR_UNAVAILABLE",
    "AD_STATUS_CREATIVE_PRODUCT_ALL_REJECTED",
    "AD_STATUS_SHOWCASE_AUTHORIZATION_LOST",
    "CREATIVE_PAUSED_USED_IN_GMV_MAX",
    "PRODUCT_ANCHOR_UNAVAILABLE",
    "NO_AVAILABLE_PRODUCTS",
    "MATERIAL_DISABLE",
    "MATERIAL_AUDIT_DENY",
    "MATERIAL_AUDIT",
  ],
  draft: ["Draft"],
  archived: ["Archived"],
  deleted: [
    "Deleted",
    "DELETE",
    "STATUS_DELETE",
    "CAMPAIGN_STATUS_DELETE",
    "ADGROUP_STATUS_DELETE",
    "ADGROUP_STATUS_CAMPAIGN_DELETE",
    "AD_STATUS_DELETE",
    "AD_STATUS_CAMPAIGN_DELETE",
    "AD_STATUS_ADGROUP_DELETE",
    "MATERIAL_DELETE",
  ],
  completed: [
    "Completed",
    "STATUS_TIME_DONE",
    "STATUS_RF_CLOSED",
    "ADGROUP_STATUS_TIME_DONE",
    "ADGROUP_STATUS_RF_TIME_DONE",
    "ADGROUP_STATUS_RF_CLOSED_OTHERS",
    "ADGROUP_STATUS_RF_TERMINATE",
    "ADGROUP_STATUS_RF_WITHDRAW_ORDER",
    "ADGROUP_STATUS_PROMOTE_WITHDRAW_ORDER",
    "AD_STATUS_DONE",
    "AD_STATUS_RF_ADGROUP_CLOSED",
    "AD_STATUS_PROMOTE_ADGROUP_CLOSED",
  ],
  filter: [
    "STATUS_ALL",
    "STATUS_NOT_DELETE",
    "CAMPAIGN_STATUS_ALL",
    "CAMPAIGN_STATUS_NOT_DELETE",
    "ADGROUP_STATUS_ALL",
    "ADGROUP_STATUS_NOT_DELETE",
    "AD_STATUS_ALL",
    "AD_STATUS_NOT_DELETE",
  ],
};

const MEANING_BY_SPELLING: ReadonlyMap<string, StatusMeaning> = (() => {
  const map = new Map<string, StatusMeaning>();
  for (const meaning of Object.keys(STATUS_WORDS) as StatusMeaning[]) {
    for (const word of STATUS_WORDS[meaning]) {
      map.set(word, meaning);
      map.set(normalizeKey(word), meaning);
    }
  }
  return map;
})();

/** The seven statuses' words a message offers, besides the API forms. */
export const STATUS_CHOICES = enumChoices(CAMPAIGN_STATUS_TABLE);

/** API form: upper-case words joined by `_` (`CAMPAIGN_STATUS_…`, `STATUS_…`). */
const API_FORM = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export type StatusWord =
  | { kind: "known"; meaning: StatusMeaning }
  | { kind: "api_unknown" }
  | { kind: "invalid" };

/** What one status cell says. */
export function statusWord(text: string): StatusWord {
  const trimmed = text.trim();
  const meaning =
    MEANING_BY_SPELLING.get(trimmed) ?? MEANING_BY_SPELLING.get(normalizeKey(trimmed));
  if (meaning !== undefined) return { kind: "known", meaning };
  if (API_FORM.test(trimmed)) return { kind: "api_unknown" };
  return { kind: "invalid" };
}

/** `out_of_budget` by budget mode; the assumed meanings become their status. */
export function statusOf(meaning: StatusMeaning, budgetMode: BudgetMode): CampaignStatus {
  if (meaning === "out_of_budget") return budgetMode === "lifetime" ? "completed" : "active";
  if (meaning === "not_delivering") return "active";
  if (meaning === "filter") return "paused";
  return meaning;
}

/** The fields a status may come from, in the columns of Campaigns and Ad groups. */
const STATUS_FIELDS = ["status", "operationStatus", "secondaryStatus"] as const;
type StatusField = (typeof STATUS_FIELDS)[number];

/**
 * The status of one row. When operation_status and secondary_status are both
 * filled, DISABLE in operation_status wins (the switch is off); otherwise the
 * more specific secondary status decides, then Status, then operation_status.
 * Null when the cell is unreadable (INVALID_VALUE added, the row is skipped).
 */
export function readStatus(reader: RowReader, budgetMode: BudgetMode): CampaignStatus | null {
  const text = (field: StatusField): string | null => {
    const cell = reader.cell(field);
    if (isBlank(cell)) return null;
    return typeof cell === "string" ? cell : String(cell);
  };
  const operation = text("operationStatus");
  const secondary = text("secondaryStatus");
  let field: StatusField | null = null;
  if (secondary !== null) {
    const switchedOff = operation !== null && normalizeKey(operation) === "disable";
    field = switchedOff ? "operationStatus" : "secondaryStatus";
  } else if (text("status") !== null) field = "status";
  else if (operation !== null) field = "operationStatus";
  if (field === null) return "active";

  const cell = reader.cell(field);
  const word: StatusWord =
    typeof cell === "string" ? statusWord(cell) : { kind: "invalid" as const };
  if (word.kind === "invalid") {
    reader.invalid(field, `is not one of ${STATUS_CHOICES} (or a TikTok status word)`);
    return null;
  }
  if (word.kind === "api_unknown") {
    reader.note(
      "STATUS_ASSUMED",
      "warning",
      field,
      "is not a status the planner knows: it is planned as Paused (spends nothing); write Active if it delivers",
    );
    return "paused";
  }
  if (word.meaning === "not_delivering") {
    reader.note(
      "STATUS_ASSUMED",
      "info",
      field,
      "says the campaign is not delivering now: it is planned as Active, spending its budget",
    );
  } else if (word.meaning === "filter") {
    reader.note(
      "STATUS_ASSUMED",
      "warning",
      field,
      "is a list filter of the TikTok API, not a status: it is planned as Paused",
    );
  }
  return statusOf(word.meaning, budgetMode);
}
