import { isLinliError } from "@linli/core";
import { helpKindsOf } from "@linli/volunteers";
import type { ResidentProfile } from "../resident-profiles";
import { SeededRandom } from "../seeded-random";
import type { SimulationAction, SimulationDomain, SimulationWorld } from "../simulation-world";
import { refusalCode, requesterFor } from "./domain-helpers";
import type { VolunteerLedger } from "./volunteer-ledger";
import { volunteersOptions } from "./volunteer-seed";

/**
 * Requests a day per 1,000 residents, by kind (an ageing neighbourhood: about 13 a day for
 * 5,800 residents), with how long the help takes. Kinds the community does not have are skipped.
 */
const KIND_DEMAND: readonly { kind: string; per1000: number; minutes: readonly number[] }[] = [
  { kind: "groceries", per1000: 0.7, minutes: [30, 45, 60] },
  { kind: "medicine", per1000: 0.5, minutes: [30, 45] },
  { kind: "doctor-escort", per1000: 0.25, minutes: [90, 120, 180] },
  { kind: "meal-preparation", per1000: 0.15, minutes: [60, 90] },
  { kind: "home-repair", per1000: 0.2, minutes: [60, 90, 120] },
  { kind: "tailoring", per1000: 0.08, minutes: [30, 60] },
  { kind: "ghostwriting", per1000: 0.03, minutes: [30] },
  { kind: "phone-companionship", per1000: 0.3, minutes: [30, 45] },
];

/** The daily batch matches: late morning for the morning's requests, and early evening. */
const MATCH_TIMES = [11 * 60 + 30, 17 * 60 + 30] as const;

/** Who asks for help: mostly the elderly, more so those living alone; a few younger residents. */
function needWeight(r: ResidentProfile): number {
  const base = r.age >= 75 ? 4 : r.age >= 60 ? 1.5 : r.age >= 18 ? 0.15 : 0;
  const alone = r.groups.includes("elderly-living-alone") || r.groups.includes("elderly-no-family");
  return base * (alone ? 2.5 : 1) * (r.groups.includes("disabled") ? 2 : 1);
}

/** A request made during the simulation, followed to its end. */
interface Tracked {
  readonly kind: string;
  readonly createdAt: number;
  readonly start: Date;
  readonly minutes: number;
  acceptedAt: number | null;
  done: boolean;
}

/**
 * Help requests through `@linli/volunteers`: residents (mostly elderly, by phone through the
 * desk or on the app) ask for groceries, medicine, an escort to the doctor, a meal, a home
 * repair, tailoring, a letter or a phone call, for a window later that day or the next; the
 * price comes from pricing where the kind has one. Twice a day staff run the batch `match`;
 * the volunteer offered accepts (most) or declines (the request waits for the next batch),
 * starts at the window's start and completes it, or once in a while does not come (staff
 * record the no-show and the request is open again). The scheduler's `requests.sweep`
 * expires windows that ended unserved. Counts requests served, waiting time from the
 * request to an accepted offer, and what stayed unserved.
 */
export function helpRequestsDomain(ledger: VolunteerLedger): SimulationDomain {
  const tracked = new Map<string, Tracked>();
  const counts = {
    requests: 0,
    refused: 0,
    offers: 0,
    declined: 0,
    unmatchedAnswers: 0,
    noShows: 0,
    expired: 0,
  };
  const unmatchedReasons = new Map<string, number>();
  let cumulative: Float64Array | null = null;
  let total = 0;

  const pickRequester = (world: SimulationWorld, rng: SeededRandom): ResidentProfile => {
    if (!cumulative) {
      cumulative = new Float64Array(world.residents.length);
      world.residents.forEach((r, i) => {
        total += needWeight(r);
        (cumulative as Float64Array)[i] = total;
      });
    }
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return world.residents[lo] ?? rng.pick(world.residents);
  };

  const places = (world: SimulationWorld) => {
    const courtyards = world.config.places.filter((p) => p.kind === "courtyard").map((p) => p.id);
    return courtyards.length > 0 ? courtyards : world.config.places.map((p) => p.id);
  };

  /** The volunteer answers an offer; an accepted task is started and completed (or not attended). */
  const answer = (world: SimulationWorld, requestId: string, volunteerId: string, round: number) => {
    const t = tracked.get(requestId);
    if (!t) return;
    const rng = SeededRandom.derive(world.seed, "offer", requestId, round);
    const volunteer = { kind: "volunteer", id: volunteerId } as const;
    const answerAt = new Date(world.clock.now().getTime() + rng.int(5, 60) * 60_000);
    const accepts = rng.chance(0.88);
    const comes = rng.chance(0.97);
    world.schedule({
      at: answerAt,
      run: async () => {
        if (!accepts) {
          counts.declined++;
          await refusalCode(() =>
            world.community.volunteers.requests.decline({ actor: volunteer, requestId }),
          );
          return;
        }
        if (
          (await refusalCode(() =>
            world.community.volunteers.requests.accept({ actor: volunteer, requestId }),
          )) !== null
        )
          return;
        t.acceptedAt = world.clock.now().getTime();
        const startAt = new Date(Math.max(t.start.getTime(), world.clock.now().getTime() + 60_000));
        if (!comes) {
          world.schedule({
            at: new Date(startAt.getTime() + 30 * 60_000),
            run: async () => {
              const code = await refusalCode(() =>
                world.community.volunteers.requests.noShow({ actor: world.desk, requestId }),
              );
              if (code !== null) return;
              counts.noShows++;
              ledger.noShow(volunteerId);
              t.acceptedAt = null;
            },
          });
          return;
        }
        world.schedule({
          at: startAt,
          run: async () => {
            const code = await refusalCode(() =>
              world.community.volunteers.requests.start({ actor: volunteer, requestId }),
            );
            if (code !== null) return;
            world.schedule({
              at: new Date(startAt.getTime() + t.minutes * 60_000),
              run: async () => {
                const done = await refusalCode(() =>
                  world.community.volunteers.requests.complete({ actor: volunteer, requestId }),
                );
                if (done !== null) return;
                t.done = true;
                ledger.task(volunteerId, t.minutes);
              },
            });
          },
        });
      },
    });
  };

  let rounds = 0;
  const match = async (world: SimulationWorld) => {
    const round = rounds++;
    const { matched, unmatched } = await world.community.volunteers.match({ actor: world.desk });
    for (const m of matched) {
      counts.offers++;
      answer(world, m.requestId, m.volunteerId, round);
    }
    for (const u of unmatched) {
      counts.unmatchedAnswers++;
      unmatchedReasons.set(u.reason, (unmatchedReasons.get(u.reason) ?? 0) + 1);
    }
  };

  return {
    id: "help-requests",
    plan(world, day, rng) {
      const options = volunteersOptions(world);
      const kinds = options ? helpKindsOf(options) : null;
      if (!kinds) return [];
      const courtyards = places(world);
      const actions: SimulationAction[] = [];
      for (const demand of KIND_DEMAND) {
        const n = rng.poisson((demand.per1000 * world.residents.length) / 1000);
        if (!kinds.has(demand.kind)) continue;
        for (let i = 0; i < n; i++) {
          const resident = pickRequester(world, rng);
          const morning = rng.chance(0.65);
          const madeAt = day.at(morning ? rng.int(7 * 60, 11 * 60) : rng.int(12 * 60, 17 * 60));
          const sameDay = morning && rng.chance(0.5);
          const target = sameDay ? day : world.dayAt(day.index + 1);
          const from = sameDay ? rng.int(13, 16) * 60 : rng.int(8, 16) * 60;
          const start = target.at(from);
          const end = target.at(from + rng.int(2, 4) * 60);
          const minutes = rng.pick(demand.minutes);
          const urgency = rng.chance(0.1) ? ("high" as const) : ("normal" as const);
          const placeId =
            courtyards.length > 0
              ? courtyards[Number(resident.id.replace(/\D/g, "")) % courtyards.length]
              : undefined;
          const who = requesterFor(world, resident, "phone", "app");
          actions.push({
            at: madeAt,
            run: async () => {
              counts.requests++;
              try {
                const request = await world.community.volunteers.requests.create({
                  ...who,
                  kind: demand.kind,
                  ...(placeId ? { placeId } : {}),
                  start,
                  end,
                  durationMinutes: minutes,
                  urgency,
                });
                tracked.set(request.id, {
                  kind: demand.kind,
                  createdAt: world.clock.now().getTime(),
                  start,
                  minutes,
                  acceptedAt: null,
                  done: false,
                });
              } catch (error) {
                if (!isLinliError(error)) throw error;
                counts.refused++;
                world.tally.refused(null, [error.code], resident.summaryGroup);
              }
            },
          });
        }
      }
      for (const minute of MATCH_TIMES) actions.push({ at: day.at(minute), run: () => match(world) });
      return actions;
    },
    async endOfDay(world) {
      const swept = await world.community.volunteers.requests.sweep({ actor: world.desk });
      counts.expired += swept.expired.length;
    },
    async finish(world) {
      if (counts.requests === 0) return;
      const waits = [...tracked.values()]
        .filter((t) => t.acceptedAt !== null)
        .map((t) => ((t.acceptedAt as number) - t.createdAt) / 3_600_000)
        .sort((a, b) => a - b);
      const served = [...tracked.values()].filter((t) => t.done).length;
      const quantile = (q: number) =>
        waits.length === 0
          ? "-"
          : `${(waits[Math.min(waits.length - 1, Math.floor(q * waits.length))] ?? 0).toFixed(1)} h`;
      const open = tracked.size - served - counts.expired;
      const byKind = new Map<string, [number, number]>();
      for (const t of tracked.values()) {
        const k = byKind.get(t.kind) ?? [0, 0];
        k[0]++;
        if (t.done) k[1]++;
        byKind.set(t.kind, k);
      }
      world.tally.section({
        title: "Help requests (volunteers)",
        rows: [
          ["requests made", counts.requests],
          ["refused at the desk", counts.refused],
          ["served (completed)", served],
          ["served share", tracked.size === 0 ? "-" : `${((served / tracked.size) * 100).toFixed(1)}%`],
          ["offers made by the batch match", counts.offers],
          ["offers declined", counts.declined],
          ["volunteer no-shows (request reopened)", counts.noShows],
          ["expired unserved (window ended)", counts.expired],
          ["still open or under way at the end", Math.max(0, open)],
          ["wait to an accepted offer, median", quantile(0.5)],
          ["wait to an accepted offer, 90th percentile", quantile(0.9)],
          ...[...unmatchedReasons]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([reason, n]) => [`left unmatched in a batch: ${reason}`, n] as const),
          ...[...byKind]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([kind, [asked, done]]) => [`${kind}: served / asked`, `${done} / ${asked}`] as const),
        ],
      });
    },
  };
}
