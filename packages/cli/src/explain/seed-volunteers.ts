import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { registerInput, wangjialongVolunteers } from "@linli/presets";
import * as z from "zod";

/** The most volunteers a `--volunteers` file may hold. */
export const MAX_SEED_VOLUNTEERS = 1000;

/** A volunteer profile as `volunteers.register` takes it (checked there in full). */
export type SeedProfile = { readonly id?: string; readonly name: string; readonly placeId?: string } & Record<
  string,
  unknown
>;

const fileSchema = z
  .array(z.looseObject({ id: z.string().min(1).max(200).optional(), name: z.string().min(1).max(200) }))
  .min(1)
  .max(MAX_SEED_VOLUNTEERS);

/**
 * The volunteers an explanation matches against: the profiles of a JSON file (an array of
 * `volunteers.register` inputs), or the preset's seed roster when the community is Wangjialong
 * (the 42 Alley Pioneers). Null when there are none to use.
 */
export function seedVolunteers(
  communityId: string,
  file: string | undefined,
  cwd: string,
): { readonly source: string; readonly profiles: readonly SeedProfile[] } | null {
  if (file !== undefined) {
    const parsed = fileSchema.parse(JSON.parse(readFileSync(resolve(cwd, file), "utf8")));
    return { source: file, profiles: parsed };
  }
  if (communityId === "wangjialong")
    return { source: "wangjialong", profiles: wangjialongVolunteers().map(registerInput) };
  return null;
}
