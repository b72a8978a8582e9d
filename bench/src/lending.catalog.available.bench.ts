import type { AvailableType } from "@linli/lending";
import { localDayWindow, MAX_CLAIM_SPAN_MS } from "@linli/lending";
import Database from "better-sqlite3";
import { compare } from "./report";
import { HISTORY, RESIDENTS, SATURDAY, TYPES, toolRoomBench, UNITS } from "./lending-tool-room";

// "What can I borrow on Saturday": every item type with a unit free on Saturday 26 September
// (units on the shelf or on loan and expected back, not claimed that day by a loan or a
// reservation, not overdue, not in repair), over 1,000 types x 3 units with 50,000 loans of
// history on SQLite. Ours: `community.lending.available({ on })` through the community API
// (validation, access, a read transaction, four indexed reads of only the fields it needs:
// types, units, and the claims as two bounded ranges of their (status, end, start) index;
// decoding). Baseline: the same reads in one hand-written SQL statement on the raw database,
// grouped in JS: what a competent engineer writes by hand.

export default async () => {
  const room = await toolRoomBench();
  const zone = "Asia/Shanghai";
  const window = localDayWindow(SATURDAY, zone);
  const raw = new Database(room.filename, { readonly: true });
  const params = (now: number) => [
    "wangjialong",
    "wangjialong",
    window.start.getTime(),
    window.end.getTime() + MAX_CLAIM_SPAN_MS,
    window.end.getTime(),
    "wangjialong",
    Math.min(now, window.start.getTime()),
  ];
  // The same reads as the query, by hand: the units in circulation joined to their types,
  // minus the units an active claim blocks (one overlapping Saturday, read as the bounded
  // range of the claims' (status, end, start) index the model declares, or one overdue:
  // still active, ended before now), sorted by type and code in SQL.
  const query = raw.prepare(`
    SELECT t.id AS type_id, t.category, t.name_zh, t.name_en, i.code
    FROM lending_item i
    JOIN lending_item_type t ON t.community_id = i.community_id AND t.id = i.item_type_id
    WHERE i.community_id = ? AND i.status IN ('available', 'on-loan')
      AND i.id NOT IN (
        SELECT item_id FROM lending_claim
        WHERE community_id = ? AND status = 'active' AND "end" > ? AND "end" < ? AND start < ?
        UNION ALL
        SELECT item_id FROM lending_claim
        WHERE community_id = ? AND status = 'active' AND "end" <= ?)
    ORDER BY t.id, i.code`);
  if (process.env.LENDING_PLAN)
    console.log(raw.prepare(`EXPLAIN QUERY PLAN ${query.source}`).all(...params(room.clock.now().getTime())));
  const handWritten = (): AvailableType[] => {
    const rows = query.all(...params(room.clock.now().getTime())) as {
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
    extra: { target: "ratio >= 0.5 and median < 20 ms" },
  });
  const free = (await room.community.lending.available({ actor: resident, on: SATURDAY })).length;
  console.log(`types free on Saturday: ${free} of ${TYPES}; ratio ${result.ratio}`);
  raw.close();
  await room.close();
};
