// Erasure on request (issue 16): the person is gone, the month's statistics are unchanged.
import { ERASED_NAME, type StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { describe, expect, it } from "vitest";
import { actorOf, matrixWorld } from "../authorization/matrix-community";

const desk = actorOf("desk");
const july = { start: new Date("2026-06-30T16:00:00Z"), end: new Date("2026-07-31T16:00:00Z") };

/** The month's statistics as staff read them: bookings by resource and status, revenue by kind. */
async function statistics(api: any) {
  const bookings: Record<string, number> = {};
  for (const b of await api.booking.list({ actor: desk, ...july, limit: 1000 })) {
    const key = `${b.resourceId}/${b.status}`;
    bookings[key] = (bookings[key] ?? 0) + 1;
  }
  const revenue: Record<string, number> = {};
  for (const resident of await api.residents.list({ actor: desk })) {
    for (const e of await api.pricing.ledger.entries({ actor: desk, forResident: resident.id })) {
      revenue[e.kind] = (revenue[e.kind] ?? 0) + e.amount;
    }
  }
  return { bookings, revenue };
}

const adapters: Record<string, () => StorageAdapter> = {
  memory: () => memoryStorage(),
  sqlite: () => sqliteStorage({ filename: ":memory:" }),
};

describe.each(Object.keys(adapters))("erasure on request (%s)", (adapter) => {
  it("anonymises the person; the month's bookings by resource and revenue totals are unchanged", async () => {
    const { api, community } = await matrixWorld(adapters[adapter]!());
    await api.residents.register({
      actor: desk,
      id: "zhao",
      name: "赵阿姨",
      phone: "13911112222",
      birthYear: 1950,
    });
    await api.eligibility.grant({
      actor: desk,
      forResident: "zhao",
      groupId: "hardship",
      evidenceRef: "困难证 77",
    });
    const day = (d: number, h: number) => ({
      start: new Date(Date.UTC(2026, 6, d, h)),
      end: new Date(Date.UTC(2026, 6, d, h + 1)),
    });
    for (const [who, d] of [
      ["zhao", 2],
      ["zhao", 3],
      ["li", 2],
      ["wang", 4],
    ] as const) {
      await api.booking.book({
        actor: desk,
        forResident: who,
        resourceId: "room",
        ...day(d, who === "li" ? 5 : 2),
        note: `${who} 的备注：电话 13911112222`,
      });
    }
    const cancelled = await api.booking.book({
      actor: desk,
      forResident: "zhao",
      resourceId: "room",
      ...day(9, 2),
    });
    await api.booking.cancel({ actor: desk, bookingId: cancelled.booking.id, reason: "赵阿姨 住院" });
    await api.pricing.charge({ actor: desk, forResident: "zhao", resourceId: "room" });
    await api.pricing.memberships.purchase({ actor: desk, forResident: "zhao", planId: "room-monthly" });
    await api.pricing.ledger.recordPayment({
      actor: desk,
      forResident: "zhao",
      amount: { amount: 1000, currency: "CNY" },
      method: "wechat-pay",
      reference: "wx-赵-0001",
    });
    const [entry] = await api.pricing.ledger.entries({ actor: desk, forResident: "zhao" });
    await api.pricing.ledger.waive({
      actor: desk,
      forResident: "zhao",
      amount: 100,
      reason: "赵阿姨 困难",
      relatesTo: entry.id,
    });

    const before = await statistics(api);
    expect(before.bookings["room/confirmed"]).toBeGreaterThan(0);
    await api.privacy.erase({ actor: desk, forResident: "zhao", reason: "居民书面申请" });

    expect(await statistics(api)).toEqual(before);
    const zhao = await api.residents.get({ actor: desk, forResident: "zhao" });
    expect(zhao).toMatchObject({ id: "zhao", name: ERASED_NAME, phone: null, birthYear: null });
    const everything = JSON.stringify(await api.privacy.export({ actor: desk, forResident: "zhao" }));
    for (const gone of ["赵阿姨", "13911112222", "1950", "困难证", "wx-赵", "住院"]) {
      expect(everything).not.toContain(gone);
    }
    // Other residents keep their data.
    const li = await api.booking.list({ actor: desk, forResident: "li", ...july });
    expect(li.map((b: { note: string | null }) => b.note)).toEqual(["li 的备注：电话 13911112222"]);
    await community.close();
  });
});
