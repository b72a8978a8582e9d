import { isLinliError } from "@linli/core";
import type { ResidentProfile } from "../resident-profiles";
import type { SimulationWorld } from "../simulation-world";

/** Who makes a request for a resident: themself on the app, or the desk for a caller. */
export function requesterFor(
  world: SimulationWorld,
  resident: ResidentProfile,
  phoneChannel: string | undefined,
  appChannel: string | undefined,
) {
  if (resident.booksByPhone)
    return { actor: world.desk, forResident: resident.id, channel: phoneChannel } as const;
  return { actor: { kind: "resident", id: resident.id } as const, channel: appChannel } as const;
}

/**
 * Runs a command whose refusal may come as a thrown `LinliError` (bad timing, an overlap):
 * returns the error's stable code, or null when it succeeded. Other errors propagate: they
 * are bugs, not refusals.
 */
export async function refusalCode(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (isLinliError(error)) return error.code;
    throw error;
  }
}
