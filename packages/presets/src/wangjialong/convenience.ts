// 1. Property services circle: facilities added to the old compounds: EV charging points, parcel
// lockers and vending machines. The property company's own paid services (door-to-door repair of
// water, electricity and network, leak repair, renovation, housekeeping) are priced per job by the
// company and are not configured here (see the package README).
import { type PresetPart, text } from "../preset-part";

/** EV charging fee per started hour, in fen (an assumption: the source gives no price). */
export const EV_CHARGING_HOURLY = 150;

/** Charging points (bookable, priced by the hour) and parcel lockers (counted compartments, free). */
export const convenience: PresetPart = {
  places: [
    {
      id: "charging-station",
      kind: "facility",
      name: text("电动车充电桩", "EV charging points"),
      parent: "dongfeng-road",
    },
    {
      id: "parcel-locker-site",
      kind: "facility",
      name: text("快递柜", "Parcel lockers"),
      parent: "commercial-street",
    },
    {
      id: "vending-machines",
      kind: "facility",
      name: text("自动售货机", "Vending machines"),
      parent: "commercial-street",
    },
  ],
  resources: [
    {
      id: "ev-charging",
      kind: "pool",
      name: text("电动车充电桩", "EV charging points"),
      place: "charging-station",
      capacity: 12,
      tags: ["property-services"],
    },
    {
      id: "parcel-lockers",
      kind: "pool",
      name: text("快递柜格口", "Parcel locker compartments"),
      place: "parcel-locker-site",
      capacity: 60,
      tags: ["property-services", "countable"],
    },
  ],
  rules: [
    {
      id: "convenience-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["ev-charging", "parcel-lockers"] },
      alwaysOpen: true,
    },
    {
      id: "ev-charging-grid",
      kind: "slot-grid",
      appliesTo: { resources: ["ev-charging"] },
      granularityMinutes: 30,
    },
    {
      id: "ev-charging-length",
      kind: "duration",
      appliesTo: { resources: ["ev-charging"] },
      maxMinutes: 8 * 60,
    },
    {
      id: "ev-charging-upcoming",
      kind: "max-future-bookings",
      appliesTo: { resources: ["ev-charging"] },
      max: 2,
    },
    {
      id: "parcel-lockers-length",
      kind: "duration",
      appliesTo: { resources: ["parcel-lockers"] },
      maxMinutes: 72 * 60,
    },
  ],
  plans: [
    {
      id: "ev-charging-hourly",
      name: text("充电桩按小时", "EV charging per hour"),
      appliesTo: { resources: ["ev-charging"] },
      charge: { kind: "per-time", amount: EV_CHARGING_HOURLY, unitMinutes: 60, unitRounding: "started" },
    },
    {
      id: "parcel-lockers-free",
      name: text("快递柜免费", "Parcel lockers, free"),
      appliesTo: { resources: ["parcel-lockers"] },
      charge: { kind: "free" },
    },
  ],
};
