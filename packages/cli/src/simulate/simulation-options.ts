import { coreErrors, LinliError, validate } from "@linli/core";
import * as z from "zod";

/** The options of a simulation run, checked before anything is opened or written. */
export const simulationOptionsSchema = z
  .object({
    /** Days simulated. @default 30 */
    days: z.number().int().min(1).max(366).default(30),
    /** The seed: the same seed gives the same month. @default 7 */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(7),
    /** Residents generated. @default 5800 (Wangjialong's permanent residents) */
    residents: z.number().int().min(1).max(100_000).default(5800),
    /** The first local day, `YYYY-MM-DD`. @default "2026-07-01" */
    start: z.iso.date().default("2026-07-01"),
    /** The SQLite file to keep (must not exist yet); a temporary file removed afterwards when absent. */
    db: z.string().min(1).max(4096).optional(),
  })
  .strict();

/** Simulation options as written (defaults optional). */
export type SimulationOptionsInput = z.input<typeof simulationOptionsSchema>;
/** Simulation options with defaults applied. */
export type SimulationOptions = z.output<typeof simulationOptionsSchema>;

/** Validates options: `VALIDATION_FAILED` (zh-CN and en) naming every bad option; nothing is opened. */
export function parseSimulationOptions(input: unknown): SimulationOptions {
  const result = validate(simulationOptionsSchema, input);
  if (result.ok) return result.value;
  const summary = result.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
  throw LinliError.from(
    coreErrors,
    "VALIDATION_FAILED",
    { summary },
    { details: { problems: result.problems } },
  );
}
