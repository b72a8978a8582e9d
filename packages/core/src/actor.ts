import * as z from "zod";
import { recordIdSchema } from "./record-id";

/** Kinds of actor that issue commands. */
export const ACTOR_KINDS = ["resident", "volunteer", "staff", "admin", "system"] as const;

/** One of {@link ACTOR_KINDS}. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who issues a command: a resident, a volunteer, a staff member, an admin or the system. */
export interface Actor {
  /** The actor's role in this command. */
  readonly kind: ActorKind;
  /** The actor's id: a resident id for residents (and volunteers, who are residents too), a staff id otherwise. */
  readonly id: string;
}

/** The zod schema of an {@link Actor}. */
export const actorSchema = z.object({ kind: z.enum(ACTOR_KINDS), id: recordIdSchema });

/** True for staff, admin and system actors: they may act for anyone and see eligibility. */
export function isStaffLike(actor: Actor): boolean {
  return actor.kind === "staff" || actor.kind === "admin" || actor.kind === "system";
}
