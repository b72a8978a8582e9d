import { type LocalizedText, type MessageParams, renderText } from "./message";

/**
 * A catalog of error codes of one package: each stable UPPER_SNAKE code maps to a message
 * template in zh-CN and en. Define one per package with {@link defineErrors}.
 */
export type ErrorCatalog<Code extends string = string> = { readonly [C in Code]: LocalizedText };

/**
 * Declares a package's error catalog. Codes are stable API: apps switch on them, so a code is
 * never renamed, only added.
 *
 * @example
 * ```ts
 * export const bookingErrors = defineErrors({
 *   BOOKING_NOT_FOUND: { "zh-CN": "预约 {id} 不存在", en: "Booking {id} does not exist" },
 * });
 * ```
 */
export function defineErrors<const C extends Record<string, LocalizedText>>(catalog: C): C {
  for (const code of Object.keys(catalog)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new TypeError(`error code ${code} is not UPPER_SNAKE`);
  }
  return catalog;
}

/** Options of a {@link LinliError}. */
export interface LinliErrorOptions {
  /** Machine-readable facts about the failure (ids, limits, problems). */
  details?: Record<string, unknown>;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The one error class of linli. `code` is stable and documented; `messages` holds the
 * human text in zh-CN and en; `message` is the English text (for logs and stack traces).
 * Thrown for invalid input and broken invariants; rule outcomes are returned as
 * {@link Decision}s instead.
 */
export class LinliError extends Error {
  override readonly name = "LinliError";
  /** Stable UPPER_SNAKE code, e.g. `VALIDATION_FAILED`. */
  readonly code: string;
  /** The message in every locale. */
  readonly messages: LocalizedText;
  /** Structured facts about the failure. */
  readonly details: Record<string, unknown>;

  constructor(code: string, messages: LocalizedText, options: LinliErrorOptions = {}) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = messages;
    this.details = options.details ?? {};
  }

  /** Builds an error from a catalog entry, rendering `{param}` placeholders from `params`. */
  static from<C extends string>(
    catalog: ErrorCatalog<C>,
    code: C,
    params: MessageParams = {},
    options: LinliErrorOptions = {},
  ): LinliError {
    const template = catalog[code];
    return new LinliError(code, renderText(template, params), {
      ...options,
      details: { ...params, ...options.details },
    });
  }

  /** A plain JSON form, safe to send to a client. */
  toJSON(): { code: string; messages: LocalizedText; details: Record<string, unknown> } {
    return { code: this.code, messages: this.messages, details: this.details };
  }
}

/** True when `error` is a {@link LinliError}, optionally with the given code. */
export function isLinliError(error: unknown, code?: string): error is LinliError {
  return error instanceof LinliError && (code === undefined || error.code === code);
}
