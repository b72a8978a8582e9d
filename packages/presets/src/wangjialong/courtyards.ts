// 4. Neighbourly mutual-aid circle: three courtyard party branches, each covering one or a few
// neighbouring courtyards; each courtyard turns idle space into a neighbours' centre for leisure,
// study and receiving guests, for the courtyard's residents. The volunteer team, its duties and
// the courtyard councils (a duty team) are in alley-pioneers.ts; volunteers live in these courtyards.
import { everyDay, type PresetPart, text } from "../preset-part";

/** The three courtyards (the source does not name them). */
export const COURTYARDS = [
  ["courtyard-1", "第一庭院", "Courtyard 1"],
  ["courtyard-2", "第二庭院", "Courtyard 2"],
  ["courtyard-3", "第三庭院", "Courtyard 3"],
] as const;

/** The three courtyards and their neighbours' centres (free, residents only). */
export const courtyards: PresetPart = {
  places: COURTYARDS.map(([id, zh, en]) => ({ id, kind: "courtyard" as const, name: text(zh, en) })),
  resources: COURTYARDS.map(([id, zh, en]) => ({
    id: `${id}-centre`,
    kind: "space" as const,
    name: text(`${zh}老邻舍邻里中心`, `${en} neighbours' centre`),
    place: id,
    capacity: 20,
    tags: ["neighbours-centre", "leisure", "study", "receiving-guests"],
  })),
  resourceGroups: [
    {
      id: "neighbours-centres",
      name: text("老邻舍邻里中心", "Neighbours' centres"),
      resources: COURTYARDS.map(([id]) => `${id}-centre`),
    },
  ],
  rules: [
    {
      id: "neighbours-centre-hours",
      kind: "opening-hours",
      appliesTo: { resourceGroups: ["neighbours-centres"] },
      weekly: everyDay({ from: "08:00", to: "21:00" }),
    },
    {
      id: "neighbours-centre-residents",
      kind: "who-may-book",
      appliesTo: { resourceGroups: ["neighbours-centres"] },
      residentsOnly: true,
    },
    {
      id: "neighbours-centre-cancel",
      kind: "cancellation-deadline",
      appliesTo: { resourceGroups: ["neighbours-centres"] },
      minutesBefore: 120,
    },
    {
      id: "neighbours-centre-grid",
      kind: "slot-grid",
      appliesTo: { resourceGroups: ["neighbours-centres"] },
      granularityMinutes: 30,
    },
  ],
  plans: [
    {
      id: "neighbours-centres-free",
      name: text("邻里中心免费", "Neighbours' centres, free"),
      appliesTo: { resourceGroups: ["neighbours-centres"] },
      charge: { kind: "free" },
    },
  ],
};
