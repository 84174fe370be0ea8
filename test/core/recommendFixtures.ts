/** Model builders and a seeded random instance generator for the R12 tests. */

import { prng } from "../../scripts/synthetic";
import { dayFromYmd } from "../../src/core/calendar";
import type { Campaign, CampaignStatus, Credit, Model } from "../../src/core/model";
import { defaultAccount } from "../../src/core/model";
import { credit as baseCredit, campaign } from "./builders";

export const PLAN_START = dayFromYmd(2026, 12, 1);

export { campaign };

/** R12 tests default to an assignable credit of $500 valid 30 days from plan start. */
export function credit(id: string, overrides: Partial<Credit> = {}): Credit {
  return baseCredit(id, {
    type: "assignable",
    amount: 50_000,
    issueDate: PLAN_START,
    validityDays: 30,
    ...overrides,
  });
}

export function model(
  campaigns: Campaign[],
  credits: Credit[],
  account: Partial<Model["account"]> = {},
): Model {
  return {
    account: { ...defaultAccount(PLAN_START), horizonDays: 30, ...account },
    campaigns,
    credits,
    topUps: [],
    spendHistory: [],
  };
}

/** A small seeded PRNG so random instances are reproducible. */
export { prng };

export interface RandomOptions {
  maxCampaigns?: number;
  maxAssignable?: number;
  /** Add free, coupon, conditional and business-center credits. */
  otherCredits?: boolean;
}

const STATUSES: CampaignStatus[] = [
  "active",
  "active",
  "active",
  "active",
  "scheduled",
  "paused",
  "draft",
  "completed",
];
const PRODUCTS = ["TopView", "Spark", null];

/** A random small account: ≤ 8 campaigns, ≤ 3 assignable credits, tight limits. */
export function randomModel(seed: number, options: RandomOptions = {}): Model {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)];
  const horizon = int(10, 40);
  const campaignCount = int(2, options.maxCampaigns ?? 8);
  const campaigns = Array.from({ length: campaignCount }, (_, c) => {
    const start = random() < 0.4 ? PLAN_START + int(-5, horizon) : null;
    const end = random() < 0.4 ? PLAN_START + int(0, horizon + 5) : null;
    return campaign(`K${c + 1}`, {
      status: pick(STATUSES),
      budget: int(5, 60) * 100,
      startDate: start,
      endDate: end !== null && start !== null && end < start ? start : end,
      adProduct: pick(PRODUCTS),
      countries: random() < 0.3 ? [pick(["US", "CA", "MX"])] : [],
    });
  });
  const ids = campaigns.map((c) => c.id);
  const randomIds = () => ids.filter(() => random() < 0.3);
  const credits: Credit[] = [];
  const assignableCount = int(1, options.maxAssignable ?? 3);
  for (let k = 0; k < assignableCount; k++) {
    credits.push(
      credit(`A${k + 1}`, {
        amount: int(10, 400) * 100,
        used: random() < 0.2 ? int(0, 9) * 100 : 0,
        issueDate: PLAN_START + int(-10, Math.floor(horizon / 2)),
        validityDays: int(3, 30),
        assignedCampaigns: randomIds(),
        adProducts: random() < 0.25 ? [pick(["TopView", "Spark"])] : [],
        countries: random() < 0.15 ? ["US", "CA"] : [],
      }),
    );
  }
  if (options.otherCredits ?? true) {
    if (random() < 0.5) {
      credits.push(
        credit("F1", {
          type: "free",
          amount: int(10, 200) * 100,
          issueDate: PLAN_START + int(-5, 5),
          validityDays: int(3, 30),
        }),
      );
    }
    if (random() < 0.25) {
      credits.push(
        credit("B1", {
          type: "business_center",
          amount: int(10, 100) * 100,
          validityDays: int(3, 20),
          adProducts: random() < 0.5 ? ["Spark"] : [],
        }),
      );
    }
    if (random() < 0.25) {
      credits.push(
        credit("Q1", {
          type: "conditional",
          amount: int(10, 100) * 100,
          minCashBalance: int(0, 50) * 100,
          validityDays: int(5, 30),
        }),
      );
    }
  }
  const limit = pick([null, null, 1, 2, 3]);
  const card = random() < 0.5;
  return model(campaigns, credits, {
    horizonDays: horizon,
    assignmentLimit: limit,
    cashBalance: pick([0, 5_000, 50_000, 1_000_000]),
    fallbackPayment: card ? "card" : "none",
    cardLimit: card && random() < 0.3 ? int(10, 300) * 100 : null,
    requirePositiveCash: random() < 0.2,
  });
}
