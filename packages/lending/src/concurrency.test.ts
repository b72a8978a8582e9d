import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe, expect, test } from "vitest";
import { desk, resident, toolRoom, volunteer } from "../test/tool-room-fixture";

const dir = mkdtempSync(join(tmpdir(), "linli-lending-race-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const adapters: Array<[string, () => StorageAdapter]> = [
  ["memory", () => memoryStorage()],
  ["sqlite", () => sqliteStorage({ filename: join(dir, `race-${++n}.db`) })],
];

describe.each(adapters)("two desks and the last unit on %s", (_name, storage) => {
  test("two desks check out the last ladder at the same moment: exactly one succeeds", async () => {
    const { community, lend, item } = await toolRoom({ storage: storage() });
    const results = await Promise.allSettled([
      lend.checkOut({ actor: desk, residentId: "wang", items: [{ itemTypeId: "ladder" }] }),
      lend.checkOut({ actor: volunteer, residentId: "li", items: [{ itemTypeId: "ladder" }] }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled" && r.value.ok);
    const failed = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : ""))).toEqual([
      "NO_UNIT_AVAILABLE",
    ]);
    const history = await lend.itemHistory({ actor: desk, itemId: item("L-1") });
    expect(history.loans).toHaveLength(1);
    expect(history.item.status).toBe("on-loan");
    await community.close();
  });

  test("ten desks, three trowels, a named unit and a reservation racing: no unit is lent twice", async () => {
    const residents = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const { community, lend, item } = await toolRoom({ storage: storage(), residents });
    const calls = residents.map((id, i) =>
      i % 3 === 0
        ? lend.checkOut({ actor: desk, residentId: id, items: [{ itemId: item("T-1") }] })
        : i % 3 === 1
          ? lend.reservations.make({ actor: resident(id), itemId: item("T-2"), from: "2026-09-22" })
          : lend.checkOut({ actor: volunteer, residentId: id, items: [{ itemTypeId: "trowel" }] }),
    );
    await Promise.allSettled(calls);
    for (const code of ["T-1", "T-2", "T-3"]) {
      const h = await lend.itemHistory({ actor: desk, itemId: item(code) });
      const open = h.loans.filter((l) => l.returnedAt === null).length;
      const reserved = h.reservations.filter((r) => r.status === "active").length;
      expect(open + reserved).toBeLessThanOrEqual(1);
    }
    await community.close();
  });
});
