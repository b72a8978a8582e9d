// 2. Culture circle: the 24-hour library on the commercial street, with five areas and a full-time librarian.
import { type PresetPart, text } from "../preset-part";

/** The 24-hour library: five areas, open around the clock, free. */
export const library: PresetPart = {
  places: [
    {
      id: "library-site",
      kind: "facility",
      name: text("24小时图书馆", "24-hour library"),
      parent: "commercial-street",
    },
  ],
  resources: [
    {
      id: "library",
      kind: "space",
      name: text("24小时图书馆", "24-hour library"),
      place: "library-site",
      // Seats in all areas together (an assumption: the source gives no count).
      capacity: 60,
      zones: [
        { id: "adult-reading", name: text("成人阅读区", "Adult reading area"), capacity: 20 },
        { id: "children-reading", name: text("儿童阅读区", "Children's reading area"), capacity: 15 },
        { id: "e-reading", name: text("电子阅览区", "E-reading area"), capacity: 8 },
        { id: "activity", name: text("活动区", "Activity area"), capacity: 12 },
        { id: "exhibition", name: text("展览区", "Exhibition area"), capacity: 5 },
      ],
      tags: ["culture", "open-24h", "staffed-by-librarian"],
    },
  ],
  rules: [
    { id: "library-hours", kind: "opening-hours", appliesTo: { resources: ["library"] }, alwaysOpen: true },
    { id: "library-grid", kind: "slot-grid", appliesTo: { resources: ["library"] }, granularityMinutes: 30 },
    { id: "library-length", kind: "duration", appliesTo: { resources: ["library"] }, maxMinutes: 240 },
  ],
  plans: [
    {
      id: "library-free",
      name: text("图书馆免费", "Library, free"),
      appliesTo: { resources: ["library"] },
      charge: { kind: "free" },
    },
  ],
};
