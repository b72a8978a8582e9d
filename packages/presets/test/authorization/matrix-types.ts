import type { Actor } from "@linli/core";
import type { MatrixWorld } from "./matrix-community";

/**
 * Who tries a command. The target resident is always `wang`:
 * - `self`: wang acting for herself;
 * - `delegate`: chen, to whom wang delegated, acting for wang;
 * - `other`: li, a resident with no delegation, trying wang's things;
 * - `volunteer`: an active volunteer member (a resident too), trying wang's things;
 * - `desk`, `admin`, `system`: declared members with the default roles;
 * - `unknown`: a staff id nobody declared; `inactive`: a deactivated desk clerk.
 */
export const PROFILES = [
  "self",
  "delegate",
  "other",
  "volunteer",
  "desk",
  "admin",
  "system",
  "unknown",
  "inactive",
] as const;

/** One of {@link PROFILES}. */
export type Profile = (typeof PROFILES)[number];

/** The staff profiles: desk, admin and system. */
export const STAFF: readonly Profile[] = ["desk", "admin", "system"];
/** Admin and system only (managing members). */
export const ADMINS: readonly Profile[] = ["admin", "system"];
/** The resident, her delegate and staff. */
export const OWNER_AND_STAFF: readonly Profile[] = ["self", "delegate", ...STAFF];
/** Every verified actor (residents, volunteers, staff). */
export const EVERY_VERIFIED: readonly Profile[] = ["self", "delegate", "other", "volunteer", ...STAFF];

/** One command's row: how to call it for a profile, and which profiles may. */
export interface MatrixRow {
  /** The profiles that may run it; every other profile must be refused. */
  readonly allow: readonly Profile[];
  /** Whether the command takes `forResident` (its subject mode is not `none`). */
  readonly subject: boolean;
  /**
   * How a refused profile is refused: an error (`ACCESS_DENIED`, `UNKNOWN_ACTOR`, or
   * `NOT_FOUND` for what the actor may not see) or, for reads that hide, a `null` answer.
   * @default "error"
   */
  readonly refusal?: "error" | "null";
  /**
   * A domain error that allowed profiles get with this setup (they passed every access check
   * and hit a business rule); absent when the call must succeed.
   */
  readonly allowedError?: string;
  /** Sets up what the call needs (a booking, a charge…) and returns its input without meta fields. */
  readonly input: (world: MatrixWorld, profile: Profile) => Promise<Record<string, unknown>>;
}

/** A plugin's rows, keyed by the command's path on the community (`booking.waitlist.join`). */
export type MatrixTable = Readonly<Record<string, MatrixRow>>;

/** The actor of a profile. */
export type ActorOf = (profile: Profile) => Actor;
