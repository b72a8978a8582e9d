import type * as z from "zod";
import { type Problem, validate } from "./config-problem";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";

/** At most this many problems are reported for one input (a 40k-item array has 40k). */
export const MAX_REPORTED_PROBLEMS = 20;
/** The longest text of one problem (path or message) carried by an error, in characters. */
const MAX_PROBLEM_TEXT = 200;

const clip = (text: string) =>
  text.length > MAX_PROBLEM_TEXT ? `${text.slice(0, MAX_PROBLEM_TEXT - 1)}…` : text;

function bounded(problems: readonly Problem[]): Problem[] {
  return problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => ({
    path: clip(p.path),
    code: clip(p.code),
    message: { "zh-CN": clip(p.message["zh-CN"]), en: clip(p.message.en) },
  }));
}

/**
 * The kernel's validation boundary: parses a caller's input with `schema`, and turns every
 * way it can fail into `VALIDATION_FAILED`: problems found (at most
 * {@link MAX_REPORTED_PROBLEMS}, each text clipped, so a hostile input never makes a large
 * error), and anything thrown while reading the input (a getter that throws, a Proxy, a
 * nesting too deep for the stack), which never escapes as a raw `TypeError` or `RangeError`.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  context: Record<string, unknown>,
): z.output<S> {
  let parsed: ReturnType<typeof validate<S>>;
  try {
    parsed = validate(schema, raw);
  } catch {
    throw LinliError.from(
      coreErrors,
      "VALIDATION_FAILED",
      { summary: "the input could not be read" },
      { details: { ...context, problems: [{ path: "(root)", code: "UNREADABLE_INPUT" }] } },
    );
  }
  if (parsed.ok) return parsed.value;
  const problems = bounded(parsed.problems);
  const more = parsed.problems.length - problems.length;
  const summary =
    problems.map((p) => `${p.path}: ${p.message.en}`).join("; ") + (more > 0 ? `; and ${more} more` : "");
  throw LinliError.from(coreErrors, "VALIDATION_FAILED", { summary }, { details: { ...context, problems } });
}
