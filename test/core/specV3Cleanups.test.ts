/**
 * Spec v3 clean-ups (issue 10 item 5): already-expired credits of every input
 * status (R4), future issue dates of Available credits (R4, CONTRACT §5),
 * issuedOn/lastUsableDay of history rows (CONTRACT §5), and the R11 rule that
 * a credit which can never pay in the horizon asks for no action.
 */
import { describe, expect, it } from "vitest";
import { isoDate, type Plan, simulate } from "../../src/core";
import { campaign, credit, day, model } from "./builders";

const codes = (plan: Plan) => plan.warnings.map((w) => w.code);
const creditOf = (plan: Plan, id: string) => {
  const found = plan.credits.find((c) => c.id === id);
  if (!found) throw new Error(`no credit ${id}`);
  return found;
};
const onDay = (value: number | null) => (value === null ? null : isoDate(value));
const CREDIT_WARNINGS = [
  "UNASSIGNED_CREDIT",
  "UNKNOWN_CAMPAIGN",
  "ASSIGNED_CAMPAIGN_NOT_ELIGIBLE",
  "ASSIGNED_CAMPAIGN_NOT_DELIVERING",
  "ASSIGNMENT_LIMIT_EXCEEDED",
  "BC_CREDIT_ASSIGNED",
  "RESTRICTION_MATCHES_NOTHING",
  "CONDITION_NEVER_MET",
  "CREDIT_EXPIRES_UNUSED",
];
const creditWarnings = (plan: Plan, id: string) =>
  plan.warnings
    .filter((w) => w.credit === id && CREDIT_WARNINGS.includes(w.code))
    .map((w) => w.code);

describe("R4 already-expired credits, whatever the input status (spec v3)", () => {
  it("R4: an Earning offer whose Valid until is before plan start is expired and books nothing", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [
          credit("EARN", {
            type: "conditional",
            status: "earning",
            issueDate: null,
            validUntil: day("2026-11-20"),
            spendThreshold: 10_000,
          }),
        ],
      }),
    );
    const earn = creditOf(plan, "EARN");
    expect(earn.status).toBe("expired");
    expect([earn.issued, earn.used, earn.expired, earn.remainingAtStart]).toEqual([0, 0, 0, 0]);
    expect(onDay(earn.lastUsableDay)).toBe("2026-11-20");
    expect(creditWarnings(plan, "EARN")).toEqual([]);
  });
  it("R4: a To redeem coupon whose Valid until is before plan start is expired and never redeemed", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [
          credit("CPN", {
            type: "coupon",
            status: "to_redeem",
            issueDate: null,
            validUntil: day("2026-11-30"),
            redeemOn: day("2026-12-05"),
          }),
        ],
      }),
    );
    const coupon = creditOf(plan, "CPN");
    expect(coupon.status).toBe("expired");
    expect([coupon.issued, coupon.used, coupon.expired]).toEqual([0, 0, 0]);
    expect(plan.totals.creditFunded).toBe(0);
    expect(creditWarnings(plan, "CPN")).toEqual([]);
  });
  it("R4: an Available credit already expired raises no CREDIT_EXPIRES_UNUSED and reports its days", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [credit("OLD", { issueDate: day("2026-10-01"), validityDays: 30 })],
      }),
    );
    const old = creditOf(plan, "OLD");
    expect(old.status).toBe("expired");
    expect(old.expired).toBe(0);
    expect(old.expiresOn).toBeNull();
    expect(onDay(old.issuedOn)).toBe("2026-10-01");
    expect(onDay(old.lastUsableDay)).toBe("2026-10-30");
    expect(creditWarnings(plan, "OLD")).toEqual([]);
  });
});

describe("R4 an Available credit issued after plan start (spec v3)", () => {
  it("R4: counts in issued, not in remainingAtStart, and pays from its issue day", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [campaign("A", { budget: 1_000 })],
        credits: [credit("LATER", { amount: 5_000, issueDate: day("2026-12-04") })],
      }),
    );
    const later = creditOf(plan, "LATER");
    expect(later.remainingAtStart).toBe(0);
    expect(later.issued).toBe(5_000);
    expect(onDay(later.issuedOn)).toBe("2026-12-04");
    expect(later.used).toBe(5_000); // Dec 4–8 at $10 a day
    expect(onDay(later.depletedOn)).toBe("2026-12-08");
  });
  it("R4: one issued after the horizon is neither issued nor remaining at end", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [campaign("A", { budget: 1_000 })],
        credits: [credit("FAR", { amount: 5_000, issueDate: day("2027-01-15") })],
      }),
    );
    const far = creditOf(plan, "FAR");
    expect([far.remainingAtStart, far.issued, far.used, far.remainingAtEnd]).toEqual([0, 0, 0, 0]);
    expect(plan.totals.creditAvailable).toBe(0);
  });
});

describe("CONTRACT §5 issuedOn / lastUsableDay for history rows", () => {
  it("history rows (Used, Expired, Not available) report the days their row determines", () => {
    const rows = (["used", "expired", "not_available"] as const).map((status) =>
      credit(status, { status, issueDate: day("2026-11-01"), validityDays: 60 }),
    );
    const plan = simulate(model({ campaigns: [campaign("A")], credits: rows }));
    for (const status of ["used", "expired", "not_available"]) {
      const row = creditOf(plan, status);
      expect(onDay(row.issuedOn), status).toBe("2026-11-01");
      expect(onDay(row.lastUsableDay), status).toBe("2026-12-30");
      expect(row.used + row.expired + row.issued, status).toBe(0);
      expect(creditWarnings(plan, status), status).toEqual([]);
    }
  });
});

describe("R11 warnings ask for action only where action can help (spec v3)", () => {
  it("R11: an assignable credit that is Used raises no UNASSIGNED_CREDIT", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [credit("U", { type: "assignable", status: "used" })],
      }),
    );
    expect(creditWarnings(plan, "U")).toEqual([]);
  });
  it("R11: an expired assignable credit naming an unknown campaign raises nothing", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [
          credit("X", {
            type: "assignable",
            issueDate: day("2026-10-01"),
            validityDays: 10,
            assignedCampaigns: ["NOPE"],
            countries: ["FR"],
          }),
        ],
      }),
    );
    expect(creditWarnings(plan, "X")).toEqual([]);
  });
  it("R11: CONDITION_NEVER_MET is raised also when no campaign has demand", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A", { status: "paused" })],
        credits: [
          credit("MIN", {
            type: "conditional",
            minCashBalance: 1_000_000_00,
            validUntil: day("2026-12-20"),
          }),
        ],
      }),
    );
    expect(codes(plan)).toContain("CONDITION_NEVER_MET");
  });
  it("R11: a lapsed assignable offer raises OFFER_LAPSES and none of the assignment warnings", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("LAP", {
            type: "assignable",
            status: "earning",
            issueDate: null,
            spendThreshold: 1_000_000,
            earnBy: day("2026-12-10"),
          }),
        ],
      }),
    );
    expect(creditOf(plan, "LAP").status).toBe("lapsed");
    expect(codes(plan)).toContain("OFFER_LAPSES");
    expect(creditWarnings(plan, "LAP")).toEqual([]);
  });
  it("R11: an Available assignable credit issued after the horizon asks for nothing", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [campaign("A")],
        credits: [credit("FAR", { type: "assignable", issueDate: day("2027-03-01") })],
      }),
    );
    expect(creditOf(plan, "FAR").status).toBe("pending");
    expect(creditWarnings(plan, "FAR")).toEqual([]);
  });
});
