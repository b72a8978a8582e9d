import type { AvailableType } from "@linli/lending";
import { localDayWindow } from "@linli/lending";
import Database from "better-sqlite3";
import { compare } from "./report";
import { HISTORY, RESIDENTS, SATURDAY, TYPES, toolRoomBench, UNITS } from "./lending-tool-room";

// "What can I borrow on Saturday": every item type with a unit free on Saturday 26 September
// (units on the shelf or on loan and expected back, not claimed that day by a loan or a
// reservation, not in repair), over 1,000 types x 3 units with 50,000 loans of history on
// SQLite. Ours: `community.lending.available({ on })` through the community API (validation,
// access, a read transaction, three indexed reads, decoding). Baseline: the same answer from
// one hand-written SQL query on the raw database (a join, minus the units with a claim that
// day), grouped in JS: what a competent engineer writes by hand.

export default async () => {
  const room = await toolRoomBench();
  const zone = "Asia/Shanghai";
  const window = localDayWindow(SATURDAY, zone);
  const raw = new Database(room.filename, { readonly: true });
  // The claims blocking Saturday, read once (a correlated NOT EXISTS makes SQLite's planner
  // scan every claim per unit without statistics: 150 M row visits, minutes).
  const query = raw.prepare(`
    SELECT t.id AS type_id, t.category, t.name_zh, t.name_en, i.code
    FROM lending_item i
    JOIN lending_item_type t ON t.community_id = i.community_id AND t.id = i.item_type_id
    WHERE i.community_id = ? AND i.status IN ('available', 'on-loan')
      AND i.id NOT IN (
        SELECT item_id FROM lending_claim
        WHERE community_id = ? AND status = 'active'
          AND ((start < ? AND "end" > ?) OR "end" <= ?))
    ORDER BY t.id, i.code`);
  // The same query with the claims' index forced: what an engineer who read the plan writes.
  const tuned = raw.prepare(
    query.source.replace(
      "FROM lending_claim\n",
      "FROM lending_claim INDEXED BY lending_claim__status__start\n",
    ),
  );
  const handWritten = (statement = query): AvailableType[] => {
    const now = room.clock.now().getTime();
    const rows = statement.all(
      "wangjialong",
      "wangjialong",
      window.end.getTime(),
      window.start.getTime(),
      now,
    ) as {
      type_id: string;
      category: string;
      name_zh: string;
      name_en: string;
      code: string;
    }[];
    const out: AvailableType[] = [];
    let last: { codes: string[] } | undefined;
    for (const r of rows) {
      if (out.length === 0 || out[out.length - 1]!.itemTypeId !== r.type_id) {
        last = { codes: [] };
        out.push({
          itemTypeId: r.type_id,
          category: r.category,
          nameZh: r.name_zh,
          nameEn: r.name_en,
          available: 0,
          codes: last.codes,
        });
      }
      last!.codes.push(r.code);
    }
    return out.map((t) => ({ ...t, available: t.codes.length }));
  };
  const resident = { kind: "resident", id: "r-0500" } as const;
  const result = await compare({
    id: "lending.catalog.available",
    unit: "ms",
    params: {
      itemTypes: TYPES,
      unitsPerType: UNITS,
      historyLoans: HISTORY,
      residents: RESIDENTS,
      day: SATURDAY,
      storage: "sqlite-file",
    },
    ours: {
      name: "community.lending.available",
      run: () => room.community.lending.available({ actor: resident, on: SATURDAY }),
    },
    baseline: { name: "hand-written SQL", run: () => handWritten() },
    peers: [{ name: "hand-written SQL, claims index forced", run: () => handWritten(tuned) }],
    extra: { target: "ratio >= 0.5 and median < 20 ms" },
  });
  const free = (await room.community.lending.available({ actor: resident, on: SATURDAY })).length;
  console.log(`types free on Saturday: ${free} of ${TYPES}; ratio ${result.ratio}`);
  raw.close();
  await room.close();
};
