import { coreErrors } from "./core-errors";
import type { LinliErrorOptions } from "./errors";

/**
 * Options for a `LinliError` about a storage failure whose text names server facts (a file
 * path, a server address, the engine's raw message): those go to `internal` for the logs,
 * and a client gets the same code with `STORAGE_FAILED`'s neutral text and only `details`
 * (facts that name nothing on the server, such as an SQLSTATE).
 */
export function storageFailureOptions(
  cause: unknown,
  internal: Record<string, unknown>,
  details: Record<string, unknown> = {},
): LinliErrorOptions {
  return { cause, details, internal, publicMessages: coreErrors.STORAGE_FAILED };
}
