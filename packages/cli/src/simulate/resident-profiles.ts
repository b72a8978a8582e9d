import { SeededRandom } from "./seeded-random";

/** A synthetic resident: age, eligibility groups and the habits demand generators read. */
export interface ResidentProfile {
  /** The resident id registered in the community (`r00042`). */
  readonly id: string;
  /** A display name (synthetic). */
  readonly name: string;
  /** Age in years. */
  readonly age: number;
  /** Eligibility group ids this resident holds (only those the community configures are granted). */
  readonly groups: readonly string[];
  /** The group the summary files the resident under: the first of `groups`, or `"none"`. */
  readonly summaryGroup: string;
  /** Habits, from 0 (never) to 1 (heavy user): read by demand generators. */
  readonly habits: {
    readonly reading: number;
    readonly fitness: number;
    readonly laundry: number;
    readonly arts: number;
    readonly driving: number;
    /** Classes for pupils and students (the calligraphy holiday classes). */
    readonly classes: number;
  };
  /** Books by phone or through someone else (the desk, a volunteer) rather than on the app. */
  readonly booksByPhone: boolean;
}

/**
 * The eligibility groups the synthetic population may hold, with their share among the
 * residents they apply to. Figures are plausible for Wangjialong (DOMAIN.md: about 5,800
 * residents, dense, strongly ageing, old enterprise dormitories); the source gives no counts.
 */
export const GROUP_SHARES = {
  /** 低保户: about 2.5% of residents live in a minimum-subsistence household. */
  "minimum-subsistence": 0.025,
  /** 特困户: about 0.6%. */
  "extremely-poor": 0.006,
  /** 困难户: about 4%. */
  hardship: 0.04,
  /** 独居老人: about 18% of those 60 and over. */
  "elderly-living-alone": 0.18,
  /** 孤寡老人: about 3% of those 60 and over. */
  "elderly-no-family": 0.03,
  /** 空巢老人: about 35% of those 60 and over. */
  "empty-nest-elderly": 0.35,
  /** Residents with a disability: about 6%. */
  disabled: 0.06,
  /** Pupils and students (6 to 22): 90% of that age. */
  student: 0.9,
  /** Adults (18 to 74) trained on the tool room's power tools: about 12%. */
  "power-tool-training": 0.12,
} as const;

/** Groups that record a qualification, not a price group: the summary never files a resident under them. */
const QUALIFICATION_GROUPS: ReadonlySet<string> = new Set(["power-tool-training"]);

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"];
const GIVEN = [
  "秀英",
  "建国",
  "桂兰",
  "志强",
  "丽",
  "伟",
  "芳",
  "军",
  "敏",
  "磊",
  "静",
  "洋",
  "婷",
  "浩",
  "欣",
];

/** Age bands of a strongly ageing old neighbourhood: [from, to, share]. */
const AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [0, 5, 0.04],
  [6, 17, 0.1],
  [18, 22, 0.04],
  [23, 39, 0.17],
  [40, 59, 0.3],
  [60, 74, 0.22],
  [75, 95, 0.13],
];

/**
 * Generates `count` residents for a seed: ages from an age pyramid of an old community, groups from
 * {@link GROUP_SHARES}, habits that follow age (students read, the young go to the gym,
 * the old use the drying room and book by phone). Pure: the same seed gives the same list.
 * With `configuredGroups`, groups the community does not configure are left out (the random
 * draws stay the same, so two configurations get the same people).
 */
export function generateResidents(
  count: number,
  seed: number,
  configuredGroups?: ReadonlySet<string>,
): ResidentProfile[] {
  const rng = SeededRandom.derive(seed, "residents");
  const out: ResidentProfile[] = [];
  const bands = AGE_BANDS.map(([from, to, share]) => [[from, to] as const, share] as const);
  for (let i = 1; i <= count; i++) {
    const [from, to] = rng.weighted(bands);
    const age = rng.int(from, to);
    const elderly = age >= 60;
    const adult = age >= 18;
    const groups: string[] = [];
    if (adult && rng.chance(GROUP_SHARES["minimum-subsistence"])) groups.push("minimum-subsistence");
    if (adult && rng.chance(GROUP_SHARES["extremely-poor"])) groups.push("extremely-poor");
    if (rng.chance(GROUP_SHARES.hardship)) groups.push("hardship");
    if (elderly) {
      const alone = rng.next();
      if (alone < GROUP_SHARES["elderly-no-family"]) groups.push("elderly-no-family");
      else if (alone < GROUP_SHARES["elderly-no-family"] + GROUP_SHARES["elderly-living-alone"])
        groups.push("elderly-living-alone");
      else if (rng.chance(GROUP_SHARES["empty-nest-elderly"])) groups.push("empty-nest-elderly");
    }
    if (rng.chance(GROUP_SHARES.disabled * (elderly ? 2 : 0.6))) groups.push("disabled");
    if (age >= 6 && age <= 22 && rng.chance(GROUP_SHARES.student)) groups.push("student");
    if (adult && age < 75 && rng.chance(GROUP_SHARES["power-tool-training"]))
      groups.push("power-tool-training");
    // Gym-goers and car owners are a minority with a strong habit, not everyone a little.
    const gymGoer = rng.chance(age >= 16 && age < 50 ? 0.2 : age >= 50 && age < 70 ? 0.08 : 0.01);
    const carOwner = age >= 25 && age < 70 && rng.chance(0.1);
    // Households that dry their washing in the drying room every few days (no balcony, the elderly).
    const dryerRegular = adult && rng.chance(elderly ? 0.008 : 0.005);
    out.push({
      id: `r${String(i).padStart(5, "0")}`,
      name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
      age,
      groups: configuredGroups ? groups.filter((g) => configuredGroups.has(g)) : groups,
      summaryGroup:
        groups.find((g) => !QUALIFICATION_GROUPS.has(g) && (configuredGroups?.has(g) ?? true)) ?? "none",
      habits: {
        reading: age < 6 ? 0.2 : age <= 22 ? 0.8 : elderly ? 0.35 : 0.3,
        fitness: gymGoer ? 0.8 : 0.01,
        laundry: dryerRegular ? 1 : adult ? 0.005 : 0,
        arts: elderly ? 0.25 : age >= 6 && age <= 17 ? 0.3 : 0.08,
        driving: carOwner ? 0.7 : 0,
        classes: groups.includes("student") ? 0.8 : 0.01,
      },
      booksByPhone: elderly ? rng.chance(0.7) : rng.chance(0.05),
    });
  }
  return out;
}
