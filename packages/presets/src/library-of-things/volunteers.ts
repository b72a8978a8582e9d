// The library's own small volunteer rota: volunteers staff the counter in opening hours and the
// fixers of the Saturday repair café mend residents' kit. Nothing here is Wangjialong's: no age
// rule, no pairing, repairs free (the café asks for a donation, not a price), a wider walk.
import { type PresetPart, text } from "../preset-part";

/** The library's volunteer teams and kinds of help. */
export const libraryVolunteers: PresetPart = {
  volunteers: {
    teams: ["counter", "repair-cafe-fixers"],
    kinds: [
      {
        id: "home-repair",
        name: text("上门修理", "Fixing at home"),
        requiredSkills: [{ skill: "fixing", minLevel: 2 }],
      },
      {
        id: "kit-delivery",
        name: text("物品送取", "Delivering and collecting kit"),
        requiredSkills: [{ skill: "driving" }],
      },
    ],
    assignMode: "assign",
    defaultWalkingMinutes: 25,
    disclosureMarginMinutes: 30,
    pairs: { maxResidentsPerVolunteer: 1 },
  },
};
