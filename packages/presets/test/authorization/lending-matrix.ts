import { actorOf, type MatrixWorld } from "./matrix-community";
import { EVERY_VERIFIED, type MatrixTable, OWNER_AND_STAFF, type Profile, STAFF } from "./matrix-types";

const DESK = actorOf("desk");
/** Staff and a volunteer on duty at the tool room (lending's counter commands). */
const COUNTER: readonly Profile[] = ["volunteer", ...STAFF];

/** The drill type with one numbered unit: the unit's id. */
async function drill(w: MatrixWorld): Promise<string> {
  const lending = w.api.lending;
  await lending.catalog.addType({
    actor: DESK,
    id: "drill",
    tracking: "numbered",
    category: "tools",
    nameZh: "电钻",
    nameEn: "Drill",
  });
  const [unit] = await lending.catalog.addUnits({
    actor: DESK,
    itemTypeId: "drill",
    units: [{ code: "D-1" }],
  });
  return unit.id;
}

/** Wang's loan of the drill: its loan and unit ids. */
async function loan(w: MatrixWorld): Promise<{ loanId: string; itemId: string }> {
  const itemId = await drill(w);
  const out = await w.api.lending.checkOut({ actor: DESK, residentId: "wang", items: [{ itemId }] });
  return { loanId: out.loans[0].id, itemId };
}

/** Wang's hold on the drill li has on loan: the hold id. */
async function hold(w: MatrixWorld): Promise<string> {
  const itemId = await drill(w);
  await w.api.lending.checkOut({ actor: DESK, residentId: "li", items: [{ itemId }] });
  const out = await w.api.lending.holds.place({ actor: DESK, forResident: "wang", itemTypeId: "drill" });
  return out.hold.id;
}

/** Wang's donation offer of one more drill: its id. */
async function donation(w: MatrixWorld): Promise<string> {
  await drill(w);
  const offered = await w.api.lending.donations.offer({
    actor: DESK,
    forResident: "wang",
    itemTypeId: "drill",
    description: "旧电钻",
  });
  return offered.id;
}

/** The lending plugin's commands and queries. Wang is the borrower; `vol` is on duty. */
export const lendingMatrix: MatrixTable = {
  "lending.checkOut": {
    allow: COUNTER,
    subject: false,
    input: async (w) => ({ residentId: "wang", items: [{ itemId: await drill(w) }] }),
  },
  "lending.checkIn": {
    allow: COUNTER,
    subject: false,
    input: async (w) => ({ items: [{ itemId: (await loan(w)).itemId, condition: "good" }] }),
  },
  "lending.renew": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ loanId: (await loan(w)).loanId }),
  },
  "lending.acceptAgreement": {
    allow: OWNER_AND_STAFF,
    subject: true,
    allowedError: "NO_AGREEMENT",
    input: async () => ({ version: "2026-1" }),
  },
  "lending.sweep": { allow: STAFF, subject: false, input: async () => ({}) },
  "lending.catalog.addType": {
    allow: STAFF,
    subject: false,
    input: async () => ({ id: "saw", category: "tools", nameZh: "锯", nameEn: "Saw" }),
  },
  "lending.catalog.addUnits": {
    allow: STAFF,
    subject: false,
    input: async (w) => {
      await drill(w);
      return { itemTypeId: "drill", units: [{ code: "D-2" }] };
    },
  },
  "lending.catalog.retireUnit": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ itemId: await drill(w) }),
  },
  "lending.catalog.importInventory": {
    allow: STAFF,
    subject: false,
    input: async () => ({
      rows: [{ itemTypeId: "saw", category: "tools", nameZh: "锯", nameEn: "Saw", code: "S-1" }],
    }),
  },
  "lending.catalog.exportInventory": { allow: STAFF, subject: false, input: async () => ({}) },
  "lending.donations.offer": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => {
      await drill(w);
      return { itemTypeId: "drill", description: "旧电钻" };
    },
  },
  "lending.donations.accept": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ donationId: await donation(w), codes: ["D-9"] }),
  },
  "lending.donations.decline": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ donationId: await donation(w), reason: "坏了" }),
  },
  "lending.holds.place": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => {
      await drill(w);
      return { itemTypeId: "drill" };
    },
  },
  "lending.holds.pushBack": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ holdId: await hold(w), until: new Date("2026-07-05T01:00:00Z") }),
  },
  "lending.holds.cancel": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ holdId: await hold(w) }),
  },
  "lending.reservations.make": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => {
      await drill(w);
      return { itemTypeId: "drill", from: "2026-07-03" };
    },
  },
  "lending.reservations.cancel": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => {
      await drill(w);
      const made = await w.api.lending.reservations.make({
        actor: DESK,
        forResident: "wang",
        itemTypeId: "drill",
        from: "2026-07-03",
      });
      return { reservationId: made.id };
    },
  },
  "lending.tickets.open": {
    allow: COUNTER,
    subject: false,
    input: async (w) => ({ itemId: await drill(w), problem: "电池坏了" }),
  },
  "lending.tickets.update": {
    allow: COUNTER,
    subject: false,
    input: async (w) => {
      const ticket = await w.api.lending.tickets.open({
        actor: DESK,
        itemId: await drill(w),
        problem: "电池坏了",
      });
      return { ticketId: ticket.id, status: "assessing" };
    },
  },
  "lending.available": { allow: EVERY_VERIFIED, subject: false, input: async () => ({}) },
  "lending.mine": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
  "lending.overdue": { allow: COUNTER, subject: false, input: async () => ({}) },
  "lending.itemHistory": { allow: COUNTER, subject: false, input: async (w) => ({ itemId: await drill(w) }) },
  "lending.checkEligibility": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async (w) => {
      await drill(w);
      return { itemTypeIds: ["drill"] };
    },
  },
};
