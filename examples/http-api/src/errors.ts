// LinliError → HTTP: a bad request is 400 with the error's stable code and both messages.
import { ACTOR_KINDS, type Actor, coreErrors, isLinliError, LinliError, validate } from "@linli/core";
import * as z from "zod";

const actorKindSchema = z.enum(ACTOR_KINDS);

/** HTTP status per error code; every other LinliError is the caller's mistake: 400. */
const STATUS: Record<string, 403 | 404> = {
  ACCESS_DENIED: 403,
  UNKNOWN_ACTOR: 403,
  NOT_FOUND: 404,
};

/** The status and JSON body an error is answered with (500 hides what is not a LinliError). */
export function errorResponse(error: unknown): { status: 400 | 403 | 404 | 500; body: object } {
  if (isLinliError(error)) return { status: STATUS[error.code] ?? 400, body: { error: error.toJSON() } };
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        messages: { "zh-CN": "服务器内部错误", en: "Internal server error" },
        details: {},
      },
    },
  };
}

/**
 * The `VALIDATION_FAILED` error of a request that does not fit its HTTP schema: the same
 * error (code, zh-CN and en messages, each problem with both) linli raises for a bad
 * command input, built with linli's own `validate`.
 */
export function requestError(schema: z.ZodType, data: unknown, where: string): LinliError {
  const result = validate(schema, data);
  const problems = result.ok ? [] : result.problems.slice(0, 20);
  const summary = (locale: "zh-CN" | "en") =>
    problems.map((p) => `${where}.${p.path}: ${p.message[locale]}`).join("; ");
  return new LinliError(
    "VALIDATION_FAILED",
    { "zh-CN": `输入无效：${summary("zh-CN")}`, en: `Invalid input: ${summary("en")}` },
    { details: { where, problems } },
  );
}

/** The `VALIDATION_FAILED` error of a request whose body could not be read (not JSON). */
export function unreadable(error: Error): LinliError {
  return LinliError.from(
    coreErrors,
    "VALIDATION_FAILED",
    { summary: error.message },
    { details: { problems: [{ path: "(root)", code: "UNREADABLE_INPUT" }] } },
  );
}

/** The actor of the `X-Linli-Actor: kind:id` header (its format was checked by the schema). */
export function actorOf(header: string): Actor {
  const at = header.indexOf(":");
  const kind = ACTOR_KINDS.find((k) => k === header.slice(0, at));
  if (kind === undefined) throw requestError(actorKindSchema, header.slice(0, at), "header.x-linli-actor");
  return { kind, id: header.slice(at + 1) };
}
