// 4. Targeted pairing (结对帮扶, `pairing`) for empty-nest elderly people: relatively younger
// elderly volunteers are paired long-term with older elderly people for buying groceries, buying
// medicine, accompanying them to the doctor and preparing meals.
import type { PresetPart } from "../preset-part";

/** The kinds of help the pairing programme covers. */
export const PAIRING_KINDS = ["groceries", "medicine", "doctor-escort", "meal-preparation"] as const;

/**
 * The age bands (assumption: the source says only "relatively younger" and "older"): adults
 * under 60, younger elderly 60 to 74, older elderly from 75.
 */
export const AGE_BANDS = [
  { id: "adult", minAge: 18, maxAge: 59 },
  { id: "younger-elderly", minAge: 60, maxAge: 74 },
  { id: "older-elderly", minAge: 75, maxAge: 150 },
] as const;

/**
 * The pairing rule: an older elderly person is helped with the pairing kinds by younger elderly
 * volunteers only (checked when matching and when a pair is created); a volunteer accompanies at
 * most three people; a missed visit is reported a day after it was due.
 */
export const pairing: PresetPart = {
  volunteers: {
    ageBands: AGE_BANDS.map((b) => ({ ...b })),
    ageRule: {
      volunteerBands: ["younger-elderly"],
      requesterBands: ["older-elderly"],
      kinds: [...PAIRING_KINDS],
    },
    pairs: { maxResidentsPerVolunteer: 3, graceHours: 24 },
  },
};
