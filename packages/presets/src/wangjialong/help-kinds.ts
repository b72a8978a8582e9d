// 3 and 4. The services delivered by people (repair, tailoring, ghostwriting, grocery help,
// hospital escort, meal preparation) as the volunteers plugin's kinds of help: what each needs
// of a volunteer, and which are priced through pricing (home repair at its low fee, free for the
// three groups; tailoring at the drying room's 1 yuan, free for its groups).
import { type PresetPart, text } from "../preset-part";

/** The kinds of help of Wangjialong: the eight built-in kinds, named and refined. */
export const HELP_KINDS = [
  "groceries",
  "medicine",
  "doctor-escort",
  "meal-preparation",
  "home-repair",
  "tailoring",
  "ghostwriting",
  "phone-companionship",
] as const;

/** Each kind of help: names, the skills it needs and, for home repair and tailoring, the resource pricing prices it as. */
export const helpKinds: PresetPart = {
  volunteers: {
    kinds: [
      { id: "groceries", name: text("代买菜", "Buying groceries") },
      { id: "medicine", name: text("代买药", "Buying medicine") },
      // An escort to the doctor is a walk to the hospital with an elderly person: first aid (assumption).
      {
        id: "doctor-escort",
        name: text("陪同就医", "Accompanying to the doctor"),
        requiredCertifications: ["first-aid"],
      },
      {
        id: "meal-preparation",
        name: text("做饭", "Preparing meals"),
        requiredSkills: [{ skill: "cooking" }],
      },
      // Made by the residents with repair skills on duty at the tool room; priced by the
      // `home-repair` plan: the low fee, free for the three groups.
      {
        id: "home-repair",
        name: text("上门维修", "Home repair"),
        requiredSkills: [{ skill: "home-repair" }],
        priceResource: "home-repair",
      },
      // The retired tailors of the drying room; 1 yuan a use, free for its groups.
      {
        id: "tailoring",
        name: text("缝补", "Tailoring"),
        requiredSkills: [{ skill: "tailoring", minLevel: 3 }],
        priceResource: "tailoring",
      },
      // The resident calligrapher's free writing services (no price resource: free).
      {
        id: "ghostwriting",
        name: text("书法代笔", "Ghostwriting"),
        requiredSkills: [{ skill: "calligraphy", minLevel: 4 }],
      },
      { id: "phone-companionship", name: text("电话陪伴", "Phone companionship") },
    ],
  },
};
