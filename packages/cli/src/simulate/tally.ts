/** Use of one resource over the simulation. */
export interface ResourceUse {
  /** The resource id. */
  readonly resourceId: string;
  /** Units usable at once (the configured capacity), for occupancy. */
  readonly capacity: number;
  /** Booking requests made. */
  requests: number;
  /** Requests confirmed (at once or after approval). */
  confirmed: number;
  /** Requests waiting for approval at the end. */
  pending: number;
  /** Requests refused (by a rule, or by staff on approval). */
  refused: number;
  /** Booked unit-minutes confirmed. */
  minutes: number;
  /** Booked unit-minutes by local hour of day (24 buckets). */
  readonly byHour: number[];
  /** Booked unit-minutes by simulated day. */
  readonly byDay: number[];
}

/** Paid and waived amounts for one eligibility group (integer minor units). */
export interface GroupMoney {
  /** The group id, or `"none"` for the standard price. */
  readonly group: string;
  /** Priced uses and memberships. */
  uses: number;
  /** What was charged (after tiers, caps, vouchers). */
  paid: number;
  /** What tiers and waivers took off the price. */
  waived: number;
}

/** A section a domain adds to the summary: a title and rows of label and value. */
export interface TallySection {
  /** Title in English (the summary's language). */
  readonly title: string;
  /** Rows: a label and a printable value. */
  readonly rows: readonly (readonly [string, string | number])[];
}

/** One volunteer's load over the simulation (the volunteer-load chart and the fairness figures). */
export interface VolunteerLoad {
  /** The volunteer id. */
  readonly volunteerId: string;
  /** Display name. */
  readonly name: string;
  /** Minutes of help requests completed. */
  readonly taskMinutes: number;
  /** Minutes of duty shifts served. */
  readonly shiftMinutes: number;
  /** Help requests completed. */
  readonly tasks: number;
  /** Duty shifts served. */
  readonly shifts: number;
  /** Tasks and shifts not turned up to. */
  readonly noShows: number;
}

/** Everything a simulation counted, as plain data (the summary, the report and whatif read it). */
export interface TallyData {
  /** Use per resource, in configuration order. */
  readonly resources: readonly ResourceUse[];
  /** Refusals by reason code (a refused request counts once per distinct code). */
  readonly refusals: Readonly<Record<string, number>>;
  /** Refusals by resource, then by reason code. */
  readonly refusalsByResource: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Refused requests by the requesting resident's summary group (who is refused). */
  readonly refusedByGroup: Readonly<Record<string, number>>;
  /** Paid and waived by the group whose tier priced the use. */
  readonly money: readonly GroupMoney[];
  /** Memberships bought and what they cost. */
  readonly memberships: { sold: number; paid: number; waived: number };
  /** Extra sections added by domains. */
  readonly sections: readonly TallySection[];
  /** Every volunteer's load, by id (empty when no volunteer was simulated). */
  readonly volunteers: readonly VolunteerLoad[];
}

/** Counts a simulation's outcomes. Cheap to update: maps and arrays, no I/O. */
export class Tally {
  private readonly uses = new Map<string, ResourceUse>();
  private readonly reasons = new Map<string, number>();
  private readonly reasonsByResource = new Map<string, Map<string, number>>();
  private readonly refusedGroups = new Map<string, number>();
  private readonly groupMoney = new Map<string, GroupMoney>();
  private readonly extra: TallySection[] = [];
  private loads: VolunteerLoad[] = [];
  private readonly membershipTotals = { sold: 0, paid: 0, waived: 0 };

  /** Starts counting for these resources over `days` days. */
  constructor(resources: readonly { id: string; capacity: number }[], days: number) {
    for (const r of resources) {
      this.uses.set(r.id, {
        resourceId: r.id,
        capacity: r.capacity,
        requests: 0,
        confirmed: 0,
        pending: 0,
        refused: 0,
        minutes: 0,
        byHour: new Array<number>(24).fill(0),
        byDay: new Array<number>(days).fill(0),
      });
    }
  }

  private use(resourceId: string): ResourceUse {
    const use = this.uses.get(resourceId);
    if (!use) throw new RangeError(`tally: unknown resource ${resourceId}`);
    return use;
  }

  /** A booking request was made. */
  requested(resourceId: string): void {
    this.use(resourceId).requests++;
  }

  /** A request waits for approval (counted as pending until it is decided). */
  pendingApproval(resourceId: string, delta: 1 | -1): void {
    this.use(resourceId).pending += delta;
  }

  /**
   * A booking was confirmed: its unit-minutes go to the resource's hour and day buckets.
   * `startMinute` is the local minute of day it starts at, `day` the simulated day index.
   */
  confirmed(resourceId: string, day: number, startMinute: number, minutes: number, quantity: number): void {
    const use = this.use(resourceId);
    use.confirmed++;
    use.minutes += minutes * quantity;
    if (day >= 0 && day < use.byDay.length) use.byDay[day] = (use.byDay[day] ?? 0) + minutes * quantity;
    // Spread over the hours it covers (a booking past midnight wraps to the small hours).
    let minute = startMinute;
    let left = minutes;
    while (left > 0) {
      const hour = Math.floor(minute / 60) % 24;
      const inHour = Math.min(left, 60 - (minute % 60));
      use.byHour[hour] = (use.byHour[hour] ?? 0) + inHour * quantity;
      left -= inHour;
      minute += inHour;
    }
  }

  /** A request was refused for these reason codes, for a resident filed under `group`. */
  refused(resourceId: string | null, codes: readonly string[], group: string): void {
    if (resourceId !== null && this.uses.has(resourceId)) this.use(resourceId).refused++;
    this.refusedGroups.set(group, (this.refusedGroups.get(group) ?? 0) + 1);
    const byResource = resourceId === null ? null : this.mapFor(resourceId);
    for (const code of new Set(codes)) {
      this.reasons.set(code, (this.reasons.get(code) ?? 0) + 1);
      if (byResource) byResource.set(code, (byResource.get(code) ?? 0) + 1);
    }
  }

  private mapFor(resourceId: string): Map<string, number> {
    let m = this.reasonsByResource.get(resourceId);
    if (!m) {
      m = new Map();
      this.reasonsByResource.set(resourceId, m);
    }
    return m;
  }

  /** A use or membership was priced: `paid` charged, `waived` taken off by the `group`'s tier. */
  priced(group: string | null, paid: number, waived: number): void {
    const key = group ?? "none";
    let m = this.groupMoney.get(key);
    if (!m) {
      m = { group: key, uses: 0, paid: 0, waived: 0 };
      this.groupMoney.set(key, m);
    }
    m.uses++;
    m.paid += paid;
    m.waived += waived;
  }

  /** A membership was sold at `paid`, `waived` below its plan's price. */
  membershipSold(paid: number, waived: number): void {
    this.membershipTotals.sold++;
    this.membershipTotals.paid += paid;
    this.membershipTotals.waived += waived;
  }

  /** Adds a section to the summary (a domain's own figures). */
  section(section: TallySection): void {
    this.extra.push(section);
  }

  /** Records every volunteer's load (replaces what was recorded before). */
  volunteerLoads(loads: readonly VolunteerLoad[]): void {
    this.loads = [...loads].sort((a, b) =>
      a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0,
    );
  }

  /** The counts as plain data; maps become records with keys sorted for stable output. */
  data(): TallyData {
    const sorted = (m: Map<string, number>) =>
      Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      resources: [...this.uses.values()].map((u) => ({ ...u, byHour: [...u.byHour], byDay: [...u.byDay] })),
      refusals: sorted(this.reasons),
      refusalsByResource: Object.fromEntries(
        [...this.reasonsByResource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, m]) => [r, sorted(m)]),
      ),
      refusedByGroup: sorted(this.refusedGroups),
      money: [...this.groupMoney.values()]
        .map((m) => ({ ...m }))
        .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
      memberships: { ...this.membershipTotals },
      sections: [...this.extra],
      volunteers: this.loads.map((l) => ({ ...l })),
    };
  }
}
