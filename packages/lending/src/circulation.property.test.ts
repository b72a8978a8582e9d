import * as fc from "fast-check";
import { isLinliError } from "@linli/core";
import { expect, test } from "vitest";
import { desk, resident, system, toolRoom, volunteer } from "../test/tool-room-fixture";

const RESIDENTS = ["wang", "li", "zhang", "zhao"] as const;
const TYPES = ["trowel", "ladder", "hedge-trimmer", "cordless-drill"] as const;
const CODES = ["T-1", "T-2", "T-3", "L-1", "H-1", "D-1"] as const;

const who = fc.constantFrom(...RESIDENTS);
const code = fc.constantFrom(...CODES);
const op = fc.oneof(
  fc.record({ kind: fc.constant("donate" as const), type: fc.constantFrom(...TYPES), who }),
  fc.record({ kind: fc.constant("checkOutType" as const), type: fc.constantFrom(...TYPES), who }),
  fc.record({ kind: fc.constant("checkOutUnit" as const), code, who }),
  fc.record({ kind: fc.constant("checkIn" as const), code, broken: fc.boolean() }),
  fc.record({ kind: fc.constant("hold" as const), type: fc.constantFrom(...TYPES), who }),
  fc.record({ kind: fc.constant("ticket" as const), code }),
  fc.record({ kind: fc.constant("repairDone" as const), code }),
  fc.record({ kind: fc.constant("retire" as const), code }),
  fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 80 }) }),
);

/** Refusals and clear errors are expected outcomes of random commands; anything else is a bug. */
async function attempt(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isLinliError(error)) throw error;
    expect(["ACCESS_DENIED", "INTERNAL", "VALIDATION_FAILED"]).not.toContain(error.code);
  }
}

test("random donate / check-out / check-in / hold / ticket sequences keep every unit in one consistent state", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const { community, lend, clock, item } = await toolRoom();
      const ids = new Map<string, string>(CODES.map((c) => [c, item(c)]));
      await community.eligibility.grant({ actor: desk, forResident: "wang", groupId: "power-tool-trained" });
      let donated = 0;
      for (const o of ops) {
        switch (o.kind) {
          case "donate": {
            const offered = await lend.donations.offer({
              actor: resident(o.who),
              itemTypeId: o.type,
              description: "donated",
            });
            const c = `G-${++donated}`;
            const { items } = await lend.donations.accept({
              actor: desk,
              donationId: offered.id,
              codes: [c],
            });
            ids.set(c, items[0]!.id);
            break;
          }
          case "checkOutType":
            await attempt(() =>
              lend.checkOut({ actor: volunteer, residentId: o.who, items: [{ itemTypeId: o.type }] }),
            );
            break;
          case "checkOutUnit":
            await attempt(() =>
              lend.checkOut({ actor: desk, residentId: o.who, items: [{ itemId: ids.get(o.code)! }] }),
            );
            break;
          case "checkIn":
            await attempt(() =>
              lend.checkIn({
                actor: volunteer,
                items: [{ itemId: ids.get(o.code)!, condition: o.broken ? "broken" : "good" }],
              }),
            );
            break;
          case "hold":
            await attempt(() => lend.holds.place({ actor: resident(o.who), itemTypeId: o.type }));
            break;
          case "ticket":
            await attempt(() =>
              lend.tickets.open({ actor: volunteer, itemId: ids.get(o.code)!, problem: "loose" }),
            );
            break;
          case "repairDone": {
            const h = await lend.itemHistory({ actor: desk, itemId: ids.get(o.code)! });
            for (const t of h.tickets.filter((x) => x.closedAt === null))
              await attempt(() => lend.tickets.update({ actor: volunteer, ticketId: t.id, status: "done" }));
            break;
          }
          case "retire":
            await attempt(() => lend.catalog.retireUnit({ actor: desk, itemId: ids.get(o.code)! }));
            break;
          case "wait":
            clock.advance(o.hours * 3_600_000);
            await lend.sweep({ actor: system });
            break;
        }
      }
      // Every unit: one status, matching its loans and holds.
      const readyHolds = new Map<string, number>();
      for (const r of RESIDENTS)
        for (const h of (await lend.mine({ actor: resident(r) })).holds)
          if (h.status === "ready" && h.itemId) readyHolds.set(h.itemId, (readyHolds.get(h.itemId) ?? 0) + 1);
      const byStatus = new Map<string, number>();
      for (const id of ids.values()) {
        const h = await lend.itemHistory({ actor: desk, itemId: id });
        const open = h.loans.filter((l) => l.returnedAt === null);
        expect(open.length).toBeLessThanOrEqual(1);
        expect(open.length === 1).toBe(h.item.status === "on-loan");
        expect(readyHolds.get(id) ?? 0).toBe(h.item.status === "on-hold-shelf" ? 1 : 0);
        byStatus.set(h.item.status, (byStatus.get(h.item.status) ?? 0) + 1);
      }
      const catalog = await lend.catalog.exportInventory({ actor: desk, includeRetired: true });
      expect(catalog).toHaveLength(ids.size);
      const counted = new Map<string, number>();
      for (const row of catalog) counted.set(row.status!, (counted.get(row.status!) ?? 0) + 1);
      expect(counted).toEqual(byStatus);
      const free = (await lend.available({ actor: desk })).reduce((s, t) => s + t.available, 0);
      expect(free).toBeLessThanOrEqual(byStatus.get("available") ?? 0);
      await community.close();
    }),
    { seed: 20260922, numRuns: 30 },
  );
});
