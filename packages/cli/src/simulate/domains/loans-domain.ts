import { isLinliError } from "@linli/core";
import type { DayWindows } from "../opening-windows";
import { ResidentPicker } from "../resident-picker";
import type { ResidentProfile } from "../resident-profiles";
import { SeededRandom } from "../seeded-random";
import type { SimulationAction, SimulationDomain, SimulationWorld } from "../simulation-world";
import { DONATED_NEW_TYPES, type ToolType, toolTypesOf } from "./tool-room-catalog";
import { configuredCategories, startingInventory, toolRoomWindows } from "./tool-room-config";

/** Borrowing visits a day per resident (5,800 residents: about 17 visits a day). */
const VISITS_PER_RESIDENT_DAY = 0.003;
/** A donation is offered on this share of days. */
const DONATION_CHANCE = 0.35;

/** The loans domain's counts. */
interface LoanCounts {
  types: number;
  units: number;
  visits: number;
  loans: number;
  refused: number;
  noUnit: number;
  holdsPlaced: number;
  holdsRefused: number;
  holdsPickedUp: number;
  returns: number;
  lateReturns: number;
  ticketsOpened: number;
  ticketsDone: number;
  unitsRetired: number;
  donationsOffered: number;
  donationsAccepted: number;
  donationsDeclined: number;
  unitsDonated: number;
  holdsExpired: number;
  overdueNotices: number;
}

/** A donation waiting for staff at the end of the day. */
interface OfferedDonation {
  readonly donationId: string;
  readonly quantity: number;
}

/**
 * Loans: the shared tool room through `@linli/lending`, as the community's `lending` section
 * configures it (a community without one lends nothing). Before the first day staff import the
 * inventory its preset ships (`presetInventory`, through `catalog.importInventory`: for
 * Wangjialong, the tool room's 24 kinds of bought tools); due dates, limits, training and
 * fees are the section's.
 * - Each day residents come in the tool room's opening hours to borrow a tool or two
 *   (`checkOut` at the desk); power drills and ladders are the favourites. A refusal by a
 *   policy is counted by its reason; when every unit is out, most place a hold
 *   (`holds.place`) and come for it when it waits on the shelf.
 * - Borrowers come back after a few days, some late; now and then a tool comes back damaged,
 *   which opens a repair ticket that volunteers assess and repair over the next days
 *   (`tickets.update`), and once in a while retire.
 * - On about one day in three a resident offers a donation (`donations.offer`): a tool the
 *   catalog has, or a new kind; staff accept most in the evening (`donations.accept`).
 * - Every evening the scheduler's `sweep` expires holds not picked up and sends notices.
 */
export function loansDomain(): SimulationDomain {
  const counts: LoanCounts = {
    types: 0,
    units: 0,
    visits: 0,
    loans: 0,
    refused: 0,
    noUnit: 0,
    holdsPlaced: 0,
    holdsRefused: 0,
    holdsPickedUp: 0,
    returns: 0,
    lateReturns: 0,
    ticketsOpened: 0,
    ticketsDone: 0,
    unitsRetired: 0,
    donationsOffered: 0,
    donationsAccepted: 0,
    donationsDeclined: 0,
    unitsDonated: 0,
    holdsExpired: 0,
    overdueNotices: 0,
  };
  let active = false;
  let types: ToolType[] = [];
  let weights: (readonly [ToolType, number])[] = [];
  let windows: readonly DayWindows[] = [];
  let picker: ResidentPicker | null = null;
  let donatedNew = 0;
  /** The new kinds residents may donate: those in a configured category. */
  let freshKinds: typeof DONATED_NEW_TYPES = [];
  let donations: OfferedDonation[] = [];
  /** Our holds per type, in the order placed: who the next unit on the shelf waits for. */
  const queues = new Map<string, string[]>();

  /** An open instant on day `index` or the first open day after it (within a week), or null. */
  const openTime = (world: SimulationWorld, index: number, rng: SeededRandom): Date | null => {
    for (let k = 0; k < 8; k++) {
      const day = world.dayAt(index + k);
      const open = windows[day.weekday - 1] ?? [];
      if (open.length === 0) continue;
      const [from, to] = rng.pick(open);
      return day.at(rng.int(from, Math.max(from, to - 10)));
    }
    return null;
  };

  /** A unit came back on the shelf for the first of our holds on its type: they come for it. */
  const holdReady = (world: SimulationWorld, itemTypeId: string, now: Date) => {
    const residentId = queues.get(itemTypeId)?.shift();
    if (!residentId) return;
    const rng = SeededRandom.derive(world.seed, "hold-pickup", residentId, now.getTime());
    if (!rng.chance(0.85)) return;
    const index = dayIndexOf(world, now) + rng.int(0, 1);
    const at = openTime(world, index, rng);
    if (!at) return;
    world.schedule({
      at,
      run: async () => {
        const resident = world.residentById.get(residentId);
        if (resident && (await borrow(world, resident, itemTypeId, true))) counts.holdsPickedUp++;
      },
    });
  };

  /** A damaged tool's repair: assessed the next day, repaired over a few days, now and then retired. */
  const repair = (world: SimulationWorld, ticketId: string, from: Date) => {
    const rng = SeededRandom.derive(world.seed, "repair", ticketId);
    const start = dayIndexOf(world, from);
    const steps: ("assessing" | "waiting-for-parts" | "repairing" | "done" | "retired")[] = ["assessing"];
    if (rng.chance(0.25)) steps.push("waiting-for-parts");
    steps.push("repairing", rng.chance(0.08) ? "retired" : "done");
    let index = start;
    for (const status of steps) {
      index += status === "repairing" ? rng.int(1, 3) : status === "assessing" ? 1 : rng.int(0, 2);
      const at = openTime(world, index, rng);
      if (!at) return;
      world.schedule({
        at,
        run: async () => {
          try {
            await world.community.lending.tickets.update({
              actor: world.desk,
              ticketId,
              status,
              ...(status === "done" ? { condition: "good" as const } : {}),
            });
            if (status === "done") counts.ticketsDone++;
            if (status === "retired") counts.unitsRetired++;
          } catch (error) {
            if (!isLinliError(error)) throw error;
          }
        },
      });
    }
  };

  /** The return of a loan: on a planned day (some late), in opening hours, sometimes damaged. */
  const scheduleReturn = (world: SimulationWorld, loan: { id: string; itemId: string; dueAt: Date }) => {
    const rng = SeededRandom.derive(world.seed, "loan-return", loan.id);
    const out = dayIndexOf(world, world.clock.now());
    const due = dayIndexOf(world, loan.dueAt);
    const keep = rng.chance(0.12) ? due - out + rng.int(1, 5) : rng.int(1, Math.max(1, due - out));
    const at = openTime(world, out + keep, rng);
    if (!at) return;
    const damaged = rng.chance(0.04);
    const condition = damaged ? ("broken" as const) : rng.chance(0.2) ? ("worn" as const) : ("good" as const);
    world.schedule({
      at,
      run: async () => {
        const [back] = await world.community.lending.checkIn({
          actor: world.desk,
          items: [
            {
              itemId: loan.itemId,
              condition,
              ...(damaged ? { damage: "returned damaged: does not work" } : {}),
            },
          ],
        });
        if (!back) return;
        counts.returns++;
        if (world.clock.now().getTime() > loan.dueAt.getTime()) counts.lateReturns++;
        if (back.ticketId !== null) {
          counts.ticketsOpened++;
          repair(world, back.ticketId, world.clock.now());
        }
        if (back.unitStatus === "on-hold-shelf") holdReady(world, back.loan.itemTypeId, world.clock.now());
      },
    });
  };

  /** One check-out at the desk; a full type leads to a hold (unless picking one up). True when lent. */
  const borrow = async (
    world: SimulationWorld,
    resident: ResidentProfile,
    itemTypeId: string,
    pickingUp: boolean,
  ): Promise<boolean> => {
    let outcome: Awaited<ReturnType<typeof world.community.lending.checkOut>>;
    try {
      outcome = await world.community.lending.checkOut({
        actor: world.desk,
        residentId: resident.id,
        items: [{ itemTypeId }],
      });
    } catch (error) {
      if (!isLinliError(error)) throw error;
      if (error.code !== "NO_UNIT_AVAILABLE" || pickingUp) {
        counts.refused++;
        world.tally.refused(null, [error.code], resident.summaryGroup);
        return false;
      }
      counts.noUnit++;
      const rng = SeededRandom.derive(world.seed, "hold", resident.id, world.clock.now().getTime());
      if (rng.chance(0.7)) await placeHold(world, resident, itemTypeId);
      return false;
    }
    if (!outcome.ok) {
      counts.refused++;
      world.tally.refused(
        null,
        outcome.violations.map((v) => v.code),
        resident.summaryGroup,
      );
      return false;
    }
    for (const loan of outcome.loans) {
      counts.loans++;
      scheduleReturn(world, loan);
    }
    return true;
  };

  const placeHold = async (world: SimulationWorld, resident: ResidentProfile, itemTypeId: string) => {
    const held = await world.community.lending.holds.place({
      actor: { kind: "resident", id: resident.id },
      itemTypeId,
    });
    if (!held.ok) {
      counts.holdsRefused++;
      world.tally.refused(
        null,
        held.violations.map((v) => v.code),
        resident.summaryGroup,
      );
      return;
    }
    counts.holdsPlaced++;
    const queue = queues.get(itemTypeId) ?? [];
    queue.push(resident.id);
    queues.set(itemTypeId, queue);
  };

  return {
    id: "loans",
    async setup(world) {
      const rows = startingInventory(world);
      types = toolTypesOf(rows);
      active = types.length > 0;
      if (!active) return;
      windows = toolRoomWindows(world);
      const categories = configuredCategories(world);
      freshKinds = DONATED_NEW_TYPES.filter((t) => categories.has(t.category));
      picker = new ResidentPicker(world.residents, "household");
      weights = types.map((t) => [t, t.popularity] as const);
      await world.community.lending.catalog.importInventory({ actor: world.desk, rows });
      counts.types = types.length;
      counts.units = rows.length;
    },
    plan(world, day, rng) {
      if (!active || !picker) return [];
      const open = windows[day.weekday - 1] ?? [];
      if (open.length === 0) return [];
      const actions: SimulationAction[] = [];
      const weekend = day.weekday >= 6 ? 1.6 : 1;
      const visits = rng.poisson(world.residents.length * VISITS_PER_RESIDENT_DAY * weekend);
      for (let i = 0; i < visits; i++) {
        const resident = picker.pick(rng);
        const first = rng.weighted(weights).id;
        const second = rng.chance(0.15) ? rng.weighted(weights).id : null;
        const [from, to] = rng.pick(open);
        actions.push({
          at: day.at(rng.int(from, Math.max(from, to - 5))),
          run: async () => {
            counts.visits++;
            await borrow(world, resident, first, false);
            if (second !== null && second !== first) await borrow(world, resident, second, false);
          },
        });
      }
      if (rng.chance(DONATION_CHANCE)) {
        const donor = picker.pick(rng);
        const fresh = donatedNew < freshKinds.length && rng.chance(0.3) ? freshKinds[donatedNew] : null;
        if (fresh) donatedNew++;
        const known = rng.weighted(weights);
        const quantity = rng.chance(0.8) ? 1 : 2;
        const [from, to] = rng.pick(open);
        actions.push({
          at: day.at(rng.int(from, Math.max(from, to - 5))),
          run: async () => {
            const donation = await world.community.lending.donations.offer({
              actor: { kind: "resident", id: donor.id },
              ...(fresh
                ? { newType: { id: fresh.id, category: fresh.category, nameZh: fresh.zh, nameEn: fresh.en } }
                : { itemTypeId: known.id }),
              description: fresh ? `${fresh.en}, used, works` : `${known.en}, used, works`,
              quantity,
              condition: "good",
            });
            counts.donationsOffered++;
            donations.push({ donationId: donation.id, quantity });
          },
        });
      }
      return actions;
    },
    async endOfDay(world, day) {
      if (!active) return;
      const decide = SeededRandom.derive(world.seed, "donations", day.index);
      const waiting = donations;
      donations = [];
      for (const d of waiting) {
        if (decide.chance(0.9)) {
          const { items } = await world.community.lending.donations.accept({
            actor: world.desk,
            donationId: d.donationId,
            codes: Array.from({ length: d.quantity }, (_, k) => `don-${d.donationId}-${k + 1}`),
          });
          counts.donationsAccepted++;
          counts.unitsDonated += items.length;
        } else {
          await world.community.lending.donations.decline({
            actor: world.desk,
            donationId: d.donationId,
            reason: "not safe to lend",
          });
          counts.donationsDeclined++;
        }
      }
      const report = await world.community.lending.sweep({ actor: world.desk });
      counts.holdsExpired += report.holdsExpired;
      counts.overdueNotices += report.overdue;
    },
    async finish(world) {
      if (!active) return;
      const overdue = await world.community.lending.overdue({ actor: world.desk, limit: 2000 });
      world.tally.section({
        title: "Tool room (loans)",
        rows: [
          ["kinds of tool / units at the start", `${counts.types} / ${counts.units}`],
          ["borrowing visits", counts.visits],
          ["loans", counts.loans],
          ["refused by a policy", counts.refused],
          ["every unit out", counts.noUnit],
          ["holds placed", counts.holdsPlaced],
          ["holds refused", counts.holdsRefused],
          ["holds picked up", counts.holdsPickedUp],
          ["holds expired (not picked up)", counts.holdsExpired],
          ["returns", counts.returns],
          ["late returns", counts.lateReturns],
          ["overdue notices sent", counts.overdueNotices],
          ["overdue at the end", overdue.length],
          ["repair tickets opened", counts.ticketsOpened],
          ["repairs done", counts.ticketsDone],
          ["units retired", counts.unitsRetired],
          [
            "donations offered / accepted / declined",
            `${counts.donationsOffered} / ${counts.donationsAccepted} / ${counts.donationsDeclined}`,
          ],
          ["units donated", counts.unitsDonated],
        ],
      });
    },
  };
}

/** The simulated day index of an instant (days before the first are negative). */
function dayIndexOf(world: SimulationWorld, at: Date): number {
  const first = world.dayAt(0).start.getTime();
  let index = Math.floor((at.getTime() - first) / 86_400_000);
  // A DST day is not 24 hours: settle on the day whose start is at or before the instant.
  while (world.dayAt(index + 1).start.getTime() <= at.getTime()) index++;
  while (index > -366 && world.dayAt(index).start.getTime() > at.getTime()) index--;
  return index;
}
