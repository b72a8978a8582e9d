import { z } from "zod";
import type { LocalizedText } from "./message";

/** One problem of a configuration or input: where, what code, and a message in every locale. */
export interface Problem {
  /** Dotted path into the document, e.g. `resources[2].capacity`. */
  readonly path: string;
  /** Stable UPPER_SNAKE code (`INVALID_TYPE`, `TOO_SMALL`, `UNKNOWN_GROUP`…). */
  readonly code: string;
  /** The explanation in zh-CN and en. */
  readonly message: LocalizedText;
}

/**
 * A custom issue's payload: cross-reference checks put their stable code and both messages
 * here so that they survive zod's formatting unchanged.
 */
export interface CustomIssueParams {
  code: string;
  message: LocalizedText;
}

/** Formats a zod path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

const zh = z.locales.zhCN();
const en = z.locales.en();

/**
 * Validates `data` against `schema` and returns either the parsed value or every problem,
 * each with its message in zh-CN and en. zod's own locales supply the messages of standard
 * issues; custom issues carry {@link CustomIssueParams}.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const first = schema.safeParse(data, { error: en.localeError, reportInput: true });
  if (first.success) return { ok: true, value: first.data };
  const second = schema.safeParse(data, { error: zh.localeError, reportInput: true });
  const zhIssues = second.success ? [] : second.error.issues;
  const problems = first.error.issues.map((issue, i): Problem => {
    const params = (issue as { params?: Partial<CustomIssueParams> }).params;
    if (issue.code === "custom" && params?.code && params.message) {
      return { path: formatPath(issue.path), code: params.code, message: params.message };
    }
    return {
      path: formatPath(issue.path),
      code: issue.code.toUpperCase(),
      message: { "zh-CN": zhIssues[i]?.message ?? issue.message, en: issue.message },
    };
  });
  return { ok: false, problems };
}

/** Adds a custom issue with a stable code and messages in both locales to a zod refinement context. */
export function addProblem(
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void } | z.RefinementCtx,
  path: readonly PropertyKey[],
  code: string,
  message: LocalizedText,
): void {
  (ctx as z.RefinementCtx).addIssue({
    code: "custom",
    path: [...path] as (string | number)[],
    message: message.en,
    params: { code, message } satisfies CustomIssueParams,
  });
}
