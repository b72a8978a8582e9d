import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bookingsDomain } from "./domains/bookings-domain";
import { pricingDomain } from "./domains/pricing-domain";
import { residentsDomain } from "./domains/residents-domain";
import { loadRunConfig } from "./simulation-config";
import { whatif, whatifText } from "./whatif";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const config = (change?: string) => {
  const loaded = loadRunConfig({ preset: "wangjialong", ...(change ? { change } : {}) }, fixtures, "en");
  if (!loaded.ok) throw new Error(loaded.report);
  return loaded.value as Parameters<typeof whatif>[0];
};

// Each case runs two simulations; the shared machine can be slow.
describe("whatif", { timeout: 180_000 }, () => {
  it("the gym at 20 yuan instead of 25: paid goes down, refusals and waivers stay the same", async () => {
    const result = await whatif(config(), config("gym-20-yuan.yaml"), { days: 2, residents: 1500 });
    const paid = (r: typeof result.before) => r.tally.money.reduce((s, m) => s + m.paid, 0);
    expect(result.after.tally.memberships.sold).toBe(result.before.tally.memberships.sold);
    expect(result.after.tally.memberships.paid).toBe(result.after.tally.memberships.sold * 2000);
    expect(paid(result.after)).toBeLessThan(paid(result.before));
    expect(result.after.tally.refusals).toEqual(result.before.tally.refusals);
    expect(whatifText(result)).toMatch(/paid .* -\d[\d,]*\.\d\d CNY/);
  });

  it("dryers limited to 3 uses a week: more refusals for the weekly quota", async () => {
    // Only the drying room's demand (the other resources cannot change its answers).
    const domains = () => [residentsDomain, bookingsDomain({ resources: ["drying-room"] }), pricingDomain];
    const result = await whatif(
      config(),
      config("dryer-3-a-week.yaml"),
      { days: 10, residents: 2500 },
      { domains },
    );
    const quota = (r: typeof result.before) => r.tally.refusalsByResource["drying-room"]?.QUOTA_EXCEEDED ?? 0;
    expect(quota(result.after)).toBeGreaterThan(quota(result.before));
    const dryer = (r: typeof result.before) => r.tally.resources.find((u) => u.resourceId === "drying-room");
    expect(dryer(result.after)?.confirmed).toBeLessThan(dryer(result.before)?.confirmed ?? 0);
    // Same demand: the same number of requests under both rules.
    expect(dryer(result.after)?.requests).toBe(dryer(result.before)?.requests);
  });

  it("reports a broken change file at its line and column instead of running", () => {
    const loaded = loadRunConfig({ preset: "wangjialong", change: "broken-change.yaml" }, fixtures, "en");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.report).toMatch(/broken-change\.yaml:4:\d+/);
  });
});
