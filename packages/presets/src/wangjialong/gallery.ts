// 3. Sharing circle: the shared art gallery with a private gallery, 1,200 m² of exhibition and
// training space. Residents and independent artists propose and co-curate exhibitions with the
// community (each proposal needs approval); viewing is free for residents.
import { type PresetPart, text } from "../preset-part";

/** Exhibition and training space, square metres. */
export const GALLERY_AREA_M2 = 1200;

/** The gallery: free viewing, exhibition proposals that staff approve, and its training room. */
export const gallery: PresetPart = {
  places: [{ id: "gallery-site", kind: "facility", name: text("社区共享美术馆", "Shared art gallery") }],
  resources: [
    {
      id: "gallery",
      kind: "space",
      name: text("社区共享美术馆（观展）", "Shared art gallery (viewing)"),
      place: "gallery-site",
      capacity: 80,
      tags: ["culture", `area-m2-${GALLERY_AREA_M2}`, "free-viewing"],
    },
    {
      id: "gallery-exhibition",
      kind: "space",
      name: text("美术馆展期（策展申请）", "Gallery exhibition slot (proposal)"),
      place: "gallery-site",
      tags: ["culture", "co-curated"],
    },
    {
      id: "gallery-training-room",
      kind: "space",
      name: text("美术馆培训室", "Gallery training room"),
      place: "gallery-site",
      capacity: 30,
      tags: ["culture", "training"],
    },
  ],
  rules: [
    {
      id: "gallery-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["gallery", "gallery-training-room"] },
      weekly: {
        tue: [{ from: "09:30", to: "17:30" }],
        wed: [{ from: "09:30", to: "17:30" }],
        thu: [{ from: "09:30", to: "17:30" }],
        fri: [{ from: "09:30", to: "17:30" }],
        sat: [{ from: "09:30", to: "18:00" }],
        sun: [{ from: "09:30", to: "18:00" }],
      },
    },
    // An exhibition proposal books whole days, up to four weeks, and waits for the community's approval.
    {
      id: "gallery-exhibition-approval",
      kind: "approval-required",
      appliesTo: { resources: ["gallery-exhibition"] },
    },
    {
      id: "gallery-exhibition-grid",
      kind: "slot-grid",
      appliesTo: { resources: ["gallery-exhibition"] },
      granularityMinutes: 1440,
    },
    {
      id: "gallery-exhibition-length",
      kind: "duration",
      appliesTo: { resources: ["gallery-exhibition"] },
      minMinutes: 1440,
      maxMinutes: 28 * 1440,
    },
    {
      id: "gallery-exhibition-window",
      kind: "booking-window",
      appliesTo: { resources: ["gallery-exhibition"] },
      minLeadMinutes: 14 * 1440,
      maxAdvanceDays: 180,
    },
    {
      id: "gallery-training-turnover",
      kind: "buffers",
      appliesTo: { resources: ["gallery-training-room"] },
      afterMinutes: 30,
    },
    {
      id: "gallery-training-cancel",
      kind: "cancellation-deadline",
      appliesTo: { resources: ["gallery-training-room"] },
      minutesBefore: 1440,
      late: "refuse",
    },
  ],
  plans: [
    {
      id: "gallery-free",
      name: text("美术馆免费", "Gallery, free"),
      appliesTo: { resources: ["gallery", "gallery-exhibition", "gallery-training-room"] },
      charge: { kind: "free" },
    },
  ],
};
