// A morning at the Wangjialong service desk, on an embedded SQLite file: the clerk books a
// dryer for Mrs Wang who phoned in, Mr Li books his own on WeChat, prices follow each
// resident's eligibility, a late third booking is refused with the reason read out, and a
// cancellation in time reverses the charge.
//
// It can run any number of times: each run uses a fresh SQLite file in a temporary
// directory, removed afterwards, unless it is given a file name (kept, and refused if it
// already exists: the morning's slots would be taken and its ids already used).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCommunity, formatMoney, manualClock, sequentialIds } from "@linli/core";
import { bookingPlugin } from "@linli/booking";
import { pricingPlugin } from "@linli/pricing";
import { sqliteStorage } from "@linli/storage-sqlite";
import { dryingRoomConfig } from "./config";

/**
 * Runs the morning and returns what the desk saw, and the file it ran on. Without
 * `filename`, on a temporary file removed before returning; with one, on that new file
 * (kept; an existing file is refused before anything is written).
 */
export async function deskDay(filename?: string) {
  if (filename !== undefined) {
    if (existsSync(filename))
      throw new Error(
        `desk-day: ${filename} already exists; give a new file name, or none for a temporary file`,
      );
    return morningAtTheDesk(filename);
  }
  const dir = mkdtempSync(join(tmpdir(), "linli-desk-"));
  try {
    return await morningAtTheDesk(join(dir, "desk.db"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function morningAtTheDesk(filename: string) {
  const storage = sqliteStorage({ filename });
  const community = await createCommunity({
    config: dryingRoomConfig,
    storage,
    plugins: [bookingPlugin(), pricingPlugin()],
    clock: manualClock("2026-07-06T00:30:00Z"), // 08:30 in Changsha
    ids: sequentialIds(),
  });
  const desk = { kind: "staff", id: "desk-1" } as const;
  const at = (hhmm: string) => new Date(`2026-07-06T${hhmm}:00+08:00`);

  const wang = await community.residents.register({ actor: desk, name: "王奶奶" });
  const li = await community.residents.register({ actor: desk, name: "李师傅" });
  await community.eligibility.grant({
    actor: desk,
    forResident: wang.id,
    groupId: "hardship",
    evidenceRef: "困难户证 2026-017",
  });

  // Mrs Wang phones the desk; the clerk books on her behalf.
  const forWang = await community.booking.book({
    actor: desk,
    forResident: wang.id,
    resourceId: "dryer-1",
    channel: "phone",
    start: at("10:00"),
    end: at("11:00"),
  });
  // Mr Li books for himself on WeChat, twice, then tries a third time the same day.
  const asLi = { kind: "resident", id: li.id } as const;
  const liFirst = await community.booking.book({
    actor: asLi,
    resourceId: "dryer-2",
    channel: "wechat",
    start: at("10:00"),
    end: at("11:00"),
  });
  const liSecond = await community.booking.book({
    actor: asLi,
    resourceId: "dryer-1",
    start: at("15:00"),
    end: at("16:00"),
  });
  const liThird = await community.booking.book({
    actor: asLi,
    resourceId: "dryer-2",
    start: at("17:00"),
    end: at("18:00"),
  });
  if (!forWang.ok || !liFirst.ok || !liSecond.ok)
    throw new Error("the first three bookings must be confirmed");

  const receipt = async (bookingId: string) =>
    (await community.pricing.quoteForBooking({ actor: desk, bookingId }))!.quote;
  const wangQuote = await receipt(forWang.booking.id);
  const liQuote = await receipt(liFirst.booking.id);

  // Mr Li cancels his afternoon use well before the deadline: the charge is reversed.
  await community.booking.cancel({ actor: asLi, bookingId: liSecond.booking.id });
  const balance = async (residentId: string) =>
    (await community.pricing.ledger.balance({ actor: desk, forResident: residentId })).balance;

  const result = {
    wang: {
      booking: forWang.booking,
      total: wangQuote.total,
      lines: wangQuote.lines.map((l) => l.code),
      balance: await balance(wang.id),
    },
    li: { total: liQuote.total, balance: await balance(li.id) },
    refusal: liThird.ok ? null : liThird.violations.map((v) => v.message),
    events: (await community.events.list({ actor: desk, limit: 1000 })).map((e) => e.type),
    locale: dryingRoomConfig.community.timeZone,
    filename,
  };
  await community.close();
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await deskDay(process.argv[2]);
  console.log(
    `王奶奶 (代订 by ${r.wang.booking.actorId}): ${formatMoney(r.wang.total)} [${r.wang.lines.join(", ")}]`,
  );
  console.log(
    `李师傅: ${formatMoney(r.li.total)} per use, balance after cancelling one: ${r.li.balance} fen`,
  );
  console.log(`Third booking refused: ${r.refusal?.map((m) => m["zh-CN"]).join("; ")}`);
}
