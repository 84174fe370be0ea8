/**
 * The one set of model builders for the tests: money in cents, days from ISO
 * dates, plan start 2026-12-01, and a seeded random account for R12.
 */
import { prng } from "../../scripts/synthetic";
import {
  type Account,
  type AdGroup,
  type Campaign,
  type CampaignStatus,
  type Credit,
  defaultAccount,
  type Model,
  parseIsoDate,
} from "../../src/core";

export { prng };

export function day(iso: string): number {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

export function campaign(id: string, fields: Partial<Campaign> = {}): Campaign {
  return {
    id,
    name: `Campaign ${id}`,
    status: "active",
    budgetMode: "daily",
    budget: 10_000,
    expectedDailySpend: null,
    spentToDate: 0,
    startDate: null,
    endDate: null,
    adProduct: null,
    countries: [],
    ...fields,
  };
}

/** An Active Daily ad group of campaign `campaignId` with no dates (spec v3 Ad groups sheet). */
export function adGroup(id: string, campaignId: string, fields: Partial<AdGroup> = {}): AdGroup {
  return {
    id,
    campaignId,
    status: "active",
    budgetMode: "daily",
    budget: 10_000,
    spentToDate: 0,
    startDate: null,
    endDate: null,
    ...fields,
  };
}

export function credit(id: string, fields: Partial<Credit> = {}): Credit {
  return {
    id,
    name: `Credit ${id}`,
    type: "free",
    amount: 10_000,
    used: 0,
    status: "available",
    issueDate: day("2026-12-01"),
    validUntil: null,
    validityDays: null,
    assignedCampaigns: [],
    adProducts: [],
    countries: [],
    minCashBalance: null,
    spendThreshold: null,
    spendCountedFrom: null,
    spendSoFar: 0,
    earnBy: null,
    issueDelay: null,
    redeemOn: null,
    redeemBy: null,
    ...fields,
  };
}

/** Plan start of every built model. */
export const PLAN_START = day("2026-12-01");

/** R12 tests default to an assignable credit of $500 valid 30 days from plan start. */
export function assignableCredit(id: string, overrides: Partial<Credit> = {}): Credit {
  return credit(id, {
    type: "assignable",
    amount: 50_000,
    issueDate: PLAN_START,
    validityDays: 30,
    ...overrides,
  });
}

export function model(parts: {
  account?: Partial<Account>;
  campaigns?: Campaign[];
  credits?: Credit[];
  topUps?: Model["topUps"];
  spendHistory?: Model["spendHistory"];
  adGroups?: AdGroup[];
}): Model {
  return {
    account: { ...defaultAccount(PLAN_START), horizonDays: 30, ...parts.account },
    campaigns: parts.campaigns ?? [],
    credits: parts.credits ?? [],
    topUps: parts.topUps ?? [],
    spendHistory: parts.spendHistory ?? [],
    ...(parts.adGroups ? { adGroups: parts.adGroups } : {}),
  };
}

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
      assignableCredit(`A${k + 1}`, {
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
        assignableCredit("F1", {
          type: "free",
          amount: int(10, 200) * 100,
          issueDate: PLAN_START + int(-5, 5),
          validityDays: int(3, 30),
        }),
      );
    }
    if (random() < 0.25) {
      credits.push(
        assignableCredit("B1", {
          type: "business_center",
          amount: int(10, 100) * 100,
          validityDays: int(3, 20),
          adProducts: random() < 0.5 ? ["Spark"] : [],
        }),
      );
    }
    if (random() < 0.25) {
      credits.push(
        assignableCredit("Q1", {
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
  return model({
    campaigns,
    credits,
    account: {
      horizonDays: horizon,
      assignmentLimit: limit,
      cashBalance: pick([0, 5_000, 50_000, 1_000_000]),
      fallbackPayment: card ? "card" : "none",
      cardLimit: card && random() < 0.3 ? int(10, 300) * 100 : null,
      requirePositiveCash: random() < 0.2,
    },
  });
}
