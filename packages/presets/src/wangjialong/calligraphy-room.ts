// 2. Culture circle: the calligraphy room. A resident calligrapher writes wedding certificates,
// invitations, obituaries, thank-you letters and couplets free of charge (paper, ink and format
// free; the requester gives only the facts), and teaches students free in the school holidays.
import { type PresetPart, text } from "../preset-part";

/** The writing services (代笔) the calligrapher offers, each a free service resource. */
export const GHOSTWRITING_KINDS = [
  ["wedding-certificate", "结婚证书", "Wedding certificate"],
  ["invitation", "请柬", "Invitation"],
  ["obituary", "讣告", "Obituary"],
  ["thank-you-letter", "感谢信", "Thank-you letter"],
  ["couplet", "对联", "Couplet"],
] as const;

/** The calligraphy room, its free ghostwriting services and its holiday classes for students. */
export const calligraphyRoom: PresetPart = {
  places: [{ id: "calligraphy-room-site", kind: "facility", name: text("书法室", "Calligraphy room") }],
  resources: [
    {
      id: "calligraphy-room",
      kind: "space",
      name: text("书法室", "Calligraphy room"),
      place: "calligraphy-room-site",
      capacity: 12,
      tags: ["culture"],
    },
    {
      id: "calligraphy-class",
      kind: "space",
      name: text("寒暑假学生书法班", "Holiday calligraphy class for students"),
      place: "calligraphy-room-site",
      capacity: 12,
      tags: ["culture", "class"],
    },
    ...GHOSTWRITING_KINDS.map(([id, zh, en]) => ({
      id: `ghostwriting-${id}`,
      kind: "service" as const,
      name: text(`代笔：${zh}`, `Ghostwriting: ${en}`),
      place: "calligraphy-room-site",
      tags: ["ghostwriting", "paper-ink-format-free"],
    })),
  ],
  resourceGroups: [
    {
      id: "ghostwriting",
      name: text("书法代笔", "Ghostwriting"),
      resources: GHOSTWRITING_KINDS.map(([id]) => `ghostwriting-${id}`),
    },
  ],
  rules: [
    // Hours are not in the source: afternoons every day (assumption).
    {
      id: "calligraphy-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["calligraphy-room"], resourceGroups: ["ghostwriting"] },
      weekly: {
        mon: [{ from: "14:00", to: "17:00" }],
        tue: [{ from: "14:00", to: "17:00" }],
        wed: [{ from: "14:00", to: "17:00" }],
        thu: [{ from: "14:00", to: "17:00" }],
        fri: [{ from: "14:00", to: "17:00" }],
        sat: [
          { from: "09:00", to: "11:30" },
          { from: "14:00", to: "17:00" },
        ],
        sun: [
          { from: "09:00", to: "11:30" },
          { from: "14:00", to: "17:00" },
        ],
      },
    },
    // Winter (late January to late February) and summer (mid-July to August) holidays, students only.
    {
      id: "calligraphy-class-holidays",
      kind: "seasonal",
      appliesTo: { resources: ["calligraphy-class"] },
      periods: [
        { from: "01-20", to: "02-20" },
        { from: "07-10", to: "08-31" },
      ],
      groups: ["student"],
    },
    {
      id: "calligraphy-class-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["calligraphy-class"] },
      weekly: {
        mon: [{ from: "09:00", to: "11:00" }],
        wed: [{ from: "09:00", to: "11:00" }],
        fri: [{ from: "09:00", to: "11:00" }],
      },
    },
    {
      id: "ghostwriting-one-at-a-time",
      kind: "max-future-bookings",
      appliesTo: { resourceGroups: ["ghostwriting"] },
      max: 2,
    },
  ],
  plans: [
    {
      id: "calligraphy-free",
      name: text("书法室免费", "Calligraphy room, free"),
      appliesTo: { resources: ["calligraphy-room", "calligraphy-class"], resourceGroups: ["ghostwriting"] },
      charge: { kind: "free" },
    },
  ],
};
