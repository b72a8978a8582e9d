import { uuidv7 } from "uuidv7";
import Database from "better-sqlite3";
import { compare } from "./report";
import { HISTORY, RESIDENTS, residentId, TYPES, toolRoomBench, typeId, UNITS } from "./lending-tool-room";

// One check-out of one unit of a type, on the tool room of `lending.catalog.available`
// (1,000 types x 3 units, 50,000 loans of history, SQLite file, WAL). Ours:
// `community.lending.checkOut` through the community API: input validation, access, the
// borrower's loans, groups and agreement for the loan policies, the type's lock, a free unit,
// its claim through `tx.reserve` (overlap read), the item's guarded update, the hold shelf,
// the loan, the `LoanStarted` event in the outbox, one transaction. Baseline: hand-written
// better-sqlite3 doing the same reads and writes in one `BEGIN IMMEDIATE` transaction with
// prepared statements (the actor's member row and the borrower's resident row, which ours
// reads too, the borrower's open loans and agreement, the type, a free unit, the overlap check,
// the claim insert, the item update, the loan insert, the outbox's last seq and insert: 14
// statements with BEGIN and COMMIT, as ours), no validation layer. Each run lends the next type to the next resident; the unit goes back
// before the next run, outside the measured time.

export default async () => {
  const room = await toolRoomBench();
  const { community, volunteer, desk } = room;
  const codes = new Map([...room.unitIds].map(([code, id]) => [id, code]));
  // Types whose first and second units are free now: each run lends one of them.
  const pool = Array.from({ length: TYPES }, (_, k) => k).filter((k) => k % 3 !== 0 && (k - 1) % 7 !== 0);
  const residents = Array.from({ length: 200 }, (_, i) => residentId(RESIDENTS - 1 - i));

  let oursNext = 0;
  let oursLent: string | null = null;
  const ours = async (): Promise<string> => {
    const k = pool[oursNext % pool.length]!;
    const r = residents[oursNext % residents.length]!;
    oursNext++;
    const out = await community.lending.checkOut({
      actor: volunteer,
      residentId: r,
      items: [{ itemTypeId: typeId(k) }],
    });
    if (!out.ok) throw new Error(out.violations[0].message.en);
    oursLent = out.loans[0]!.itemId;
    return codes.get(oursLent)!;
  };
  const oursReset = async () => {
    if (oursLent)
      await community.lending.checkIn({ actor: desk, items: [{ itemId: oursLent, condition: "good" }] });
    oursLent = null;
  };

  const db = new Database(room.filename);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const C = "wangjialong";
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  // What ours reads before any lending work: the actor's stored member row (a stored row
  // overrides the config's member list: deactivated, other role) and the borrower's resident
  // row (`UNKNOWN_RESIDENT`).
  const member = db.prepare("SELECT kind, active FROM core_member WHERE community_id = ? AND id = ?");
  const residentExists = db.prepare(
    "SELECT count(*) AS n FROM core_resident WHERE community_id = ? AND id = ?",
  );
  const openLoans = db.prepare(
    "SELECT count(*) AS n, coalesce(sum(due_at < ?), 0) AS late FROM lending_loan WHERE community_id = ? AND resident_id = ? AND returned_at IS NULL",
  );
  const agreed = db.prepare(
    "SELECT 1 FROM lending_agreement WHERE community_id = ? AND resident_id = ? AND version = ?",
  );
  const type = db.prepare(
    "SELECT category, training_group FROM lending_item_type WHERE community_id = ? AND id = ?",
  );
  const free = db.prepare(
    "SELECT id, code, condition FROM lending_item WHERE community_id = ? AND item_type_id = ? AND status = 'available' ORDER BY code",
  );
  const overlap = db.prepare(
    `SELECT count(*) AS n FROM lending_claim WHERE community_id = ? AND item_id = ? AND status = 'active' AND start < ? AND "end" > ?`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO lending_claim (community_id, id, item_id, item_type_id, kind, resident_id, loan_id, start, "end", status, created_at, created_by)
     VALUES (?, ?, ?, ?, 'loan', ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const lend = db.prepare(
    "UPDATE lending_item SET status = 'on-loan' WHERE community_id = ? AND id = ? AND status = 'available'",
  );
  const insertLoan = db.prepare(
    `INSERT INTO lending_loan (community_id, id, item_id, item_type_id, category, resident_id, batch_id, checked_out_at, due_at,
       returned_at, renewals, condition_out, condition_in, return_note, checked_out_by, checked_in_by, approved_by,
       due_soon_sent_for, overdue_sent_for, fine_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, NULL, NULL, ?, NULL, NULL, NULL, NULL, 0)`,
  );
  const lastSeq = db.prepare("SELECT coalesce(max(seq), 0) AS seq FROM core_event WHERE community_id = ?");
  const insertEvent = db.prepare(
    `INSERT INTO core_event (community_id, id, type, seq, payload, occurred_at, actor_kind, actor_id, acked_at)
     VALUES (?, ?, 'LoanStarted', ?, ?, ?, 'volunteer', 'li-shifu', NULL)`,
  );
  const DAY = 86_400_000;
  let rawNext = 0;
  let rawLent: { itemId: string; loanId: string } | null = null;
  const handWritten = (): string => {
    const k = pool[rawNext % pool.length]!;
    const r = residents[rawNext % residents.length]!;
    rawNext++;
    const now = room.clock.now().getTime();
    // 7 days later is a Tuesday 10:00, when the room is open: no move to the next opening.
    const due = now + 7 * DAY;
    begin.run();
    try {
      // The volunteer is declared in the config; a stored member row would override it.
      const m = member.get(C, "li-shifu") as { kind: string; active: number } | undefined;
      if (m && (!m.active || m.kind !== "volunteer")) throw new Error("not a member");
      if ((residentExists.get(C, r) as { n: number }).n === 0) throw new Error("unknown resident");
      const loans = openLoans.get(now, C, r) as { n: number; late: number };
      if (loans.n + 1 > 5 || loans.late > 0 || !agreed.get(C, r, "2026-1")) throw new Error("refused");
      const t = type.get(C, typeId(k)) as { category: string; training_group: string | null };
      if (t.training_group !== null) throw new Error("training");
      let unit: { id: string; code: string; condition: string } | undefined;
      for (const u of free.all(C, typeId(k)) as { id: string; code: string; condition: string }[]) {
        if ((overlap.get(C, u.id, due, now) as { n: number }).n === 0) {
          unit = u;
          break;
        }
      }
      if (!unit) throw new Error("none free");
      const loanId = uuidv7();
      insertClaim.run(C, uuidv7(), unit.id, typeId(k), r, loanId, now, due, now, "li-shifu");
      if (lend.run(C, unit.id).changes !== 1) throw new Error("lent meanwhile");
      insertLoan.run(
        C,
        loanId,
        unit.id,
        typeId(k),
        t.category,
        r,
        uuidv7(),
        now,
        due,
        unit.condition,
        "li-shifu",
      );
      const seq = (lastSeq.get(C) as { seq: number }).seq + 1;
      const payload = JSON.stringify({
        loanId,
        itemId: unit.id,
        itemTypeId: typeId(k),
        residentId: r,
        dueAt: new Date(due).toISOString(),
      });
      insertEvent.run(C, uuidv7(), seq, payload, now);
      commit.run();
      rawLent = { itemId: unit.id, loanId };
      return unit.code;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
  const rawReset = () => {
    if (!rawLent) return;
    db.prepare("DELETE FROM lending_claim WHERE community_id = ? AND loan_id = ?").run(C, rawLent.loanId);
    db.prepare("DELETE FROM lending_loan WHERE community_id = ? AND id = ?").run(C, rawLent.loanId);
    db.prepare("UPDATE lending_item SET status = 'available' WHERE community_id = ? AND id = ?").run(
      C,
      rawLent.itemId,
    );
    rawLent = null;
  };

  // Either side's unit goes back before any run, so both sides start each run from the same state.
  const reset = async () => {
    await oursReset();
    rawReset();
  };
  await compare({
    id: "lending.checkout.sqlite",
    unit: "ms",
    params: {
      itemTypes: TYPES,
      unitsPerType: UNITS,
      historyLoans: HISTORY,
      residents: RESIDENTS,
      storage: "sqlite-file",
      synchronous: "NORMAL",
    },
    ours: { name: "community.lending.checkOut", run: ours, beforeEach: reset },
    baseline: { name: "hand-written better-sqlite3", run: handWritten, beforeEach: reset },
    extra: { target: "ratio >= 0.4" },
  });
  await oursReset();
  rawReset();
  db.close();
  await room.close();
};
