import { z } from "zod";

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
export const actorSchema = z.object({ kind: z.enum(ACTOR_KINDS), id: z.string().min(1) });

/**
 * What every command takes besides its own input: who acts, for whom (booking on a
 * resident's behalf by phone is normal), and an optional idempotency key.
 */
export interface CommandMeta {
  /** Who issues the command. */
  readonly actor: Actor;
  /** The resident the command is for, when not the actor (staff booking for a caller). */
  readonly forResident?: string;
  /** Retries with the same key return the first result and write nothing twice. */
  readonly idempotencyKey?: string;
}

/** The zod schema of {@link CommandMeta}. */
export const commandMetaShape = {
  actor: actorSchema,
  forResident: z.string().min(1).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
};

/** True for staff, admin and system actors: they may act for anyone and see eligibility. */
export function isStaffLike(actor: Actor): boolean {
  return actor.kind === "staff" || actor.kind === "admin" || actor.kind === "system";
}
