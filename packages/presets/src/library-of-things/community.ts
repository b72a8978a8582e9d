// A UK "library of things" (a very different community from Wangjialong): a volunteer-run lending
// hub on a high street in London. Europe/London (GMT/BST, so days of 23 and 25 hours), GBP in
// pence, English first; residents join with a sliding-scale yearly membership, borrow household
// kit for days at a time, pay a day rate for big kit, and pay late fees.
import { type PresetBase, type PresetPart, text } from "../preset-part";

/** The community section and options: Europe/London, GBP, en-GB. */
export const libraryOfThingsBase: PresetBase = {
  community: {
    id: "high-street-things",
    name: text("高街物品图书馆", "High Street Library of Things"),
    timeZone: "Europe/London",
    currency: "GBP",
    locale: "en-GB",
  },
  booking: { channels: ["online", "counter", "phone"], waitlist: { mode: "auto-confirm", offerMinutes: 60 } },
  pricing: { currency: "GBP", rounding: "half-even" },
};

/** The hub, the street, and the groups the sliding scale is priced by. */
export const libraryOfThingsCommunity: PresetPart = {
  places: [
    { id: "high-street", kind: "street", name: text("高街", "High Street") },
    { id: "hub", kind: "facility", name: text("物品图书馆", "Library of Things hub"), parent: "high-street" },
  ],
  groups: [
    // Verified by a volunteer seeing a benefits letter; renewed yearly.
    { id: "universal-credit", name: text("领取统一福利金", "On Universal Credit"), validForDays: 365 },
    {
      id: "student",
      name: text("学生", "Student"),
      sensitive: false,
      verification: "self-declared",
      validForDays: 365,
    },
    { id: "over-65", name: text("65岁以上", "Aged 65 and over"), sensitive: false },
    { id: "volunteer", name: text("志愿者", "Volunteer"), sensitive: false },
  ],
};
