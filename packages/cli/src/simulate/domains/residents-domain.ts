import type { SimulationDomain } from "../simulation-world";

/**
 * Residents: registers every synthetic resident (staff at the desk) and grants the
 * eligibility groups the community configures, verified a year before the first day. Adds a
 * "Residents" section: how many, by age and by group.
 */
export const residentsDomain: SimulationDomain = {
  id: "residents",
  async setup(world) {
    const { community, desk, clock } = world;
    const configured = new Set(world.config.groups.map((g) => g.id));
    const verifiedFrom = new Date(clock.now().getTime() - 365 * 86_400_000);
    const birthYear = new Date(clock.now()).getUTCFullYear();
    const byGroup = new Map<string, number>();
    for (const r of world.residents) {
      await community.residents.register({
        actor: desk,
        id: r.id,
        name: r.name,
        birthYear: birthYear - r.age,
      });
      for (const groupId of r.groups) {
        if (!configured.has(groupId)) continue;
        await community.eligibility.grant({
          actor: desk,
          forResident: r.id,
          groupId,
          evidenceRef: `sim-${groupId}-${r.id}`,
          validFrom: verifiedFrom,
          validUntil: null,
        });
        byGroup.set(groupId, (byGroup.get(groupId) ?? 0) + 1);
      }
    }
    const bands: [string, (age: number) => boolean][] = [
      ["aged 0-17", (a) => a < 18],
      ["aged 18-59", (a) => a >= 18 && a < 60],
      ["aged 60+", (a) => a >= 60],
    ];
    world.tally.section({
      title: "Residents",
      rows: [
        ["registered", world.residents.length],
        ...bands.map(([label, test]) => [label, world.residents.filter((r) => test(r.age)).length] as const),
        ...[...byGroup].sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, n]) => [`group ${g}`, n] as const),
      ],
    });
  },
  plan: () => [],
};
