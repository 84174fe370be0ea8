/** R12: the one-line reasons shown with a recommendation. */
import { isoDate } from "../calendar";
import { isDelivering } from "../eligibility";
import type { Campaign, Model, Money } from "../model";
import { formatMoney } from "../money";

export function moneyText(model: Model, amount: Money): string {
  return formatMoney(Math.round(amount), model.account.currency, model.account.minorUnits);
}

/** Campaign names (ids when unnamed) as a list: "A", "A and B", "A, B and 3 more". */
export function campaignList(campaigns: readonly Campaign[], shown = 2): string {
  return nameList(
    campaigns.map((c) => c.name.trim() || c.id),
    shown,
  );
}

/** "A", "A and B", "A, B and 3 more". */
export function nameList(names: readonly string[], shown = 2): string {
  if (names.length <= shown + 1) {
    return names.length <= 1
      ? (names[0] ?? "")
      : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

export interface ReasonFacts {
  model: Model;
  recommended: Campaign[];
  /** Campaigns holding a slot today (R6 effective assignment). */
  current: Campaign[];
  usedAfter: Money;
  expiredBefore: Money;
  expiredAfter: Money;
  /** Last day the credit can pay, within the horizon. */
  lastDay: number;
}

/** e.g. "Spring sale and Retarget spend 1,240.00 USD of it by 2026-12-04; Old promo is paused". */
export function recommendationReason(facts: ReasonFacts): string {
  const { model, recommended, current } = facts;
  const verb = recommended.length === 1 ? "spends" : "spend";
  const all = facts.expiredAfter <= 0 ? "all " : "";
  const left =
    facts.expiredAfter > 0 ? ` (${moneyText(model, facts.expiredAfter)} still expires)` : "";
  const gain = `${campaignList(recommended)} ${verb} ${all}${moneyText(model, facts.usedAfter)} of it by ${isoDate(facts.lastDay)}${left}`;
  return `${gain}; ${currentProblem(facts, current)}`;
}

function currentProblem(facts: ReasonFacts, current: Campaign[]): string {
  const lost = moneyText(facts.model, facts.expiredBefore);
  if (current.length === 0) return `unassigned now, so ${lost} of it expires`;
  const idle = current.filter((c) => !isDelivering(c.status));
  if (idle.length > 0) {
    const byStatus = new Map<string, Campaign[]>();
    for (const c of idle) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
    const parts = [...byStatus].map(
      ([status, list]) => `${campaignList(list)} ${list.length === 1 ? "is" : "are"} ${status}`,
    );
    return `${parts.join(", ")}, so ${lost} of it expires as assigned`;
  }
  return `as assigned now, ${lost} of it expires`;
}
