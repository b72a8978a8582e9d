import { describe, expect, it } from "vitest";
import { processRace, type RaceReport, raceAttempt, raceProblems } from "./process-race";

/** Rows as a correct adapter would store them: the first attempts that fit, in order. */
function honestRun(workers: number, attempts: number) {
  const rows: {
    id: string;
    communityId: string;
    slotId: string;
    holder: string;
    start: Date;
    end: Date;
    quantity: number;
  }[] = [];
  const reports: RaceReport[] = Array.from({ length: workers }, () => ({ won: [], refused: 0, errors: [] }));
  for (let i = 0; i < attempts; i++) {
    for (let w = 0; w < workers; w++) {
      const a = raceAttempt(w, i);
      const competing = rows.filter((r) => r.slotId === a.data.slotId);
      const fits = a.interval
        ? [a.interval.start.getTime(), ...competing.map((r) => r.start.getTime())].every((t) => {
            const inRange = (s: number, e: number) => s <= t && t < e;
            if (!inRange(a.interval!.start.getTime(), a.interval!.end.getTime())) return true;
            const load = competing
              .filter((r) => inRange(r.start.getTime(), r.end.getTime()))
              .reduce((x, r) => x + r.quantity, 0);
            return load + (a.quantity ?? 1) <= a.capacity;
          })
        : competing.length + 1 <= a.capacity;
      const report = reports[w] as { won: string[]; refused: number };
      if (fits) {
        rows.push({ ...(a.data as (typeof rows)[number]), communityId: processRace.communityId });
        report.won.push(a.data.id!);
      } else report.refused++;
    }
  }
  return { rows, reports };
}

describe("the multi-process race check", () => {
  it("accepts an honest outcome", () => {
    const { rows, reports } = honestRun(3, 24);
    expect(raceProblems(rows, reports, 24)).toEqual([]);
  });

  it("names a lost write, a phantom row, an overfilled slot and an over-capacity range", () => {
    const { rows, reports } = honestRun(3, 24);
    const lost = rows.slice(1);
    expect(raceProblems(lost, reports, 24)).toContainEqual(
      expect.stringContaining("is not stored (lost write)"),
    );
    const extraFixed = { ...rows.find((r) => r.slotId === "A")!, id: "phantom" };
    const problems = raceProblems([...rows, extraFixed], reports, 24);
    expect(problems).toContainEqual("stored row phantom was never reported");
    expect(problems).toContainEqual(
      `slot A holds ${processRace.fixedCapacity + 1}, expected exactly ${processRace.fixedCapacity}`,
    );
    const ranged = rows.find((r) => r.slotId === processRace.rangeSlot)!;
    const crowd = Array.from({ length: processRace.rangeCapacity }, (_, k) => ({
      ...ranged,
      id: `crowd-${k}`,
    }));
    const crowdReports = [...reports, { won: crowd.map((r) => r.id), refused: 0, errors: [] }];
    expect(
      raceProblems([...rows, ...crowd], crowdReports, 24).some((p) => p.startsWith("range slot holds")),
    ).toBe(true);
  });
});
