import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCommunity, manualClock, sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { claimModel, type InventoryRowInput, lendingPlugin, loanModel } from "@linli/lending";
import { sqliteStorage } from "@linli/storage-sqlite";

// The tool room both lending benches run on: a SQLite file with 1,000 item types x 3 units,
// 50,000 returned loans of history (a year), 600 residents who accepted the agreement, and
// today's state made through the community API: 300 loans out, 100 reservations for Saturday,
// 30 units in repair. Tuesday 22 September 2026, 10:00 in Shanghai; Saturday is the 26th.

/** Item types in the catalog. */
export const TYPES = 1000;
/** Units per type. */
export const UNITS = 3;
/** Returned loans in the history. */
export const HISTORY = 50_000;
/** Residents. */
export const RESIDENTS = 600;
/** The Saturday asked about. */
export const SATURDAY = "2026-09-26";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const hours = [
  { from: "09:00", to: "12:00" },
  { from: "14:00", to: "18:00" },
];
const CATEGORIES = ["hand-tools", "power-tools", "ladders", "garden", "cleaning"];

/** Type `k`'s id, zero-padded so that id order is numeric order. */
export const typeId = (k: number) => `type-${String(k).padStart(4, "0")}`;
/** Resident `k`'s id. */
export const residentId = (k: number) => `r-${String(k).padStart(4, "0")}`;

/** A seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the tool room; `close` deletes the file. */
export async function toolRoomBench() {
  const dir = mkdtempSync(join(tmpdir(), "linli-bench-lending-"));
  const filename = join(dir, "tool-room.db");
  const storage = sqliteStorage({ filename, synchronous: "NORMAL" });
  const clock = manualClock("2026-09-22T02:00:00Z");
  const community = await createCommunity({
    config: {
      // Every non-resident actor is declared: linli verifies actor ids.
      members: [
        { id: "desk", kind: "staff" },
        { id: "scheduler", kind: "system" },
        { id: "li-shifu", kind: "volunteer" },
      ],
      community: {
        id: "wangjialong",
        name: text("王家垅社区", "Wangjialong"),
        timeZone: "Asia/Shanghai",
        currency: "CNY",
      },
      groups: [
        { id: "power-tool-trained", name: text("电动工具培训", "Power tool training"), sensitive: false },
      ],
      places: [{ id: "gatehouse", kind: "building", name: text("门房", "Gatehouse") }],
      lending: {
        openingHours: { tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours },
        closures: [{ from: "2026-10-01", to: "2026-10-07" }],
        categories: CATEGORIES.map((id) => ({ id, name: text(id, id) })),
        policies: [
          { id: "five-at-once", kind: "max-loans", max: 5 },
          { id: "overdue-blocks", kind: "no-loans-while-overdue" },
          { id: "training", kind: "training-required" },
          { id: "agreement", kind: "borrower-agreement", version: "2026-1" },
        ],
      },
    },
    storage,
    plugins: [lendingPlugin()],
    clock,
    ids: sequentialIds(),
  });
  const desk = { kind: "staff", id: "desk" } as const;
  const volunteer = { kind: "volunteer", id: "li-shifu" } as const;
  const rows: InventoryRowInput[] = [];
  for (let k = 0; k < TYPES; k++)
    for (let u = 0; u < UNITS; u++)
      rows.push({
        itemTypeId: typeId(k),
        category: CATEGORIES[k % CATEGORIES.length]!,
        nameZh: `工具 ${k}`,
        nameEn: `Tool ${k}`,
        tags: k % 7 === 0 ? "outdoor;heavy" : "indoor",
        code: `${typeId(k)}-${u + 1}`,
        location: "gatehouse",
      });
  await community.lending.catalog.importInventory({ actor: desk, rows });
  for (let r = 0; r < RESIDENTS; r++) {
    await community.residents.register({ actor: desk, id: residentId(r), name: residentId(r) });
    await community.lending.acceptAgreement({
      actor: { kind: "resident", id: residentId(r) },
      version: "2026-1",
    });
  }
  // A year of returned loans, written as check-out and check-in would have left them.
  const codec = new ValueCodec(storage.capabilities);
  let seq = 0;
  const ids = { next: (prefix = "id") => `history-${prefix}-${++seq}` };
  const rnd = random(20260922);
  const now = clock.now().getTime();
  const unitIds = new Map<string, string>();
  {
    const db = (await import("better-sqlite3")).default(filename, { readonly: true });
    for (const r of db.prepare("SELECT id, code FROM lending_item").all() as { id: string; code: string }[])
      unitIds.set(r.code, r.id);
    db.close();
  }
  for (let batch = 0; batch < HISTORY / 5000; batch++) {
    await storage.transaction(async (inner) => {
      const tx = createTx(inner, { communityId: "wangjialong", ids, codec });
      for (let i = 0; i < 5000; i++) {
        const k = Math.floor(rnd() * TYPES);
        const code = `${typeId(k)}-${1 + Math.floor(rnd() * UNITS)}`;
        const out = new Date(now - (8 + Math.floor(rnd() * 350)) * 86_400_000);
        const back = new Date(out.getTime() + (1 + Math.floor(rnd() * 7)) * 86_400_000);
        const resident = residentId(Math.floor(rnd() * RESIDENTS));
        const loan = await tx.create(loanModel, {
          itemId: unitIds.get(code)!,
          itemTypeId: typeId(k),
          category: CATEGORIES[k % CATEGORIES.length]!,
          residentId: resident,
          batchId: `h-${batch}-${i}`,
          checkedOutAt: out,
          dueAt: new Date(out.getTime() + 7 * 86_400_000),
          returnedAt: back,
          conditionOut: "good",
          conditionIn: "good",
          checkedOutBy: "desk",
          checkedInBy: "desk",
        });
        await tx.create(claimModel, {
          itemId: loan.itemId,
          itemTypeId: loan.itemTypeId,
          kind: "loan",
          residentId: resident,
          loanId: loan.id,
          start: out,
          end: loan.dueAt,
          status: "released",
          createdAt: out,
          createdBy: "desk",
        });
      }
    });
  }
  // Today: 300 loans out, 100 reservations for Saturday, 30 units in repair (through the API).
  for (let i = 0; i < 300; i++)
    await community.lending.checkOut({
      actor: volunteer,
      residentId: residentId(i),
      items: [{ itemId: unitIds.get(`${typeId(i * 3)}-1`)! }],
    });
  for (let i = 0; i < 100; i++)
    await community.lending.reservations.make({
      actor: { kind: "resident", id: residentId(300 + i) },
      itemId: unitIds.get(`${typeId(i * 7 + 1)}-2`)!,
      from: SATURDAY,
    });
  for (let i = 0; i < 30; i++)
    await community.lending.tickets.open({
      actor: volunteer,
      itemId: unitIds.get(`${typeId(i * 11 + 2)}-3`)!,
      problem: "blunt",
    });
  return {
    community,
    storage,
    filename,
    clock,
    unitIds,
    desk,
    volunteer,
    close: async () => {
      await community.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
