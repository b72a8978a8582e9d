import type { coreErrors } from "./core-errors";
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

/**
 * Every error code of the installed linli packages, filled by declaration merging: each
 * package registers its catalog's codes, so `error.code` and `isLinliError(error, code)` are
 * checked against them (a typo is a compile error). A plugin registers its own codes with
 *
 * ```ts
 * declare module "@linli/core" {
 *   interface LinliErrorCodes extends CodesOf<typeof myPluginErrors> {}
 * }
 * ```
 */
export interface LinliErrorCodes extends CodesOf<typeof coreErrors> {}

/** A registered error code (see {@link LinliErrorCodes}). */
export type LinliErrorCode = keyof LinliErrorCodes & string;

/** The registration entries of a catalog's codes, for {@link LinliErrorCodes}. */
export type CodesOf<Catalog> = { readonly [C in keyof Catalog]: true };

/** Options of a {@link LinliError}. */
export interface LinliErrorOptions {
  /** Machine-readable facts about the failure (ids, limits, problems). */
  details?: Record<string, unknown>;
  /** The underlying error, if any. */
  cause?: unknown;
  /**
   * Facts for the server's logs only (a file path, a server address, the engine's own
   * message): kept on {@link LinliError.internal}, never in {@link LinliError.toJSON}.
   */
  internal?: Record<string, unknown>;
  /**
   * The text a client may see, when `messages` holds server facts (a storage failure's
   * messages name the file or server): {@link LinliError.toJSON} sends these instead.
   */
  publicMessages?: LocalizedText;
}

/**
 * The brand every {@link LinliError} carries, under a key of the global symbol registry
 * (`Symbol.for("linli.error")`). The registry is shared by every module instance in a realm,
 * so an error built by the ESM build of `@linli/core` is recognised by its CommonJS build
 * (and by a second copy installed elsewhere in `node_modules`), where `instanceof` on the
 * class alone would fail.
 */
const LINLI_ERROR_BRAND = Symbol.for("linli.error");

function hasLinliBrand(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[LINLI_ERROR_BRAND] === true
  );
}

/**
 * The one error class of linli. `code` is stable and documented; `messages` holds the
 * human text in zh-CN and en; `message` is the English text (for logs and stack traces).
 * Thrown for invalid input and broken invariants; rule outcomes are returned as
 * {@link Decision}s instead.
 *
 * Every instance is branded with `Symbol.for("linli.error")`, so `error instanceof LinliError`
 * and {@link isLinliError} also hold for an error thrown by another copy of `@linli/core` in
 * the same process, e.g. the CommonJS build when the app imports the ESM one. `instanceof` a
 * subclass of `LinliError` keeps the ordinary prototype-chain meaning.
 */
export class LinliError<Code extends string = LinliErrorCode> extends Error {
  override readonly name = "LinliError";
  /** Stable UPPER_SNAKE code, e.g. `VALIDATION_FAILED`; typed by the registered catalogs. */
  readonly code: Code;
  /** The message in every locale. */
  readonly messages: LocalizedText;
  /** Structured facts about the failure, safe to show to the caller. */
  readonly details: Record<string, unknown>;
  /** Facts for the server's logs only; never serialized by {@link LinliError.toJSON}. */
  declare readonly internal: Record<string, unknown>;
  // The text toJSON sends when `messages` holds server facts.
  readonly #publicMessages: LocalizedText | undefined;

  constructor(code: Code, messages: LocalizedText, options: LinliErrorOptions = {}) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    // Not enumerable: a spread or JSON copy of the error is plain data, not a LinliError.
    Object.defineProperty(this, LINLI_ERROR_BRAND, { value: true });
    this.code = code;
    this.messages = messages;
    this.details = options.details ?? {};
    this.#publicMessages = options.publicMessages;
    // Not enumerable: a JSON copy or a spread of the error leaves it out.
    Object.defineProperty(this, "internal", { value: options.internal ?? {}, enumerable: false });
  }

  /**
   * `value instanceof LinliError` is true for every branded linli error, from whichever copy
   * of `@linli/core` built it. For a subclass (`value instanceof MyError`) the check is the
   * ordinary prototype-chain one.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of `instanceof`, LinliError or a subclass
    return isInstance(this, value);
  }

  /** Builds an error from a catalog entry, rendering `{param}` placeholders from `params`. */
  static from<C extends string>(
    catalog: ErrorCatalog<C>,
    code: C,
    params: MessageParams = {},
    options: LinliErrorOptions = {},
  ): LinliError<C> {
    const template = catalog[code];
    return new LinliError<C>(code, renderText(template, params), {
      ...options,
      // A server-side failure (one with public messages) keeps its parameters for the logs.
      ...(options.publicMessages === undefined
        ? { details: { ...params, ...options.details } }
        : { details: { ...options.details }, internal: { ...params, ...options.internal } }),
    });
  }

  /**
   * A plain JSON form, safe to send to a client: the code, the messages (the public ones
   * when the error was built with `publicMessages`) and `details`; never `internal`, the
   * cause or the stack.
   */
  toJSON(): { code: Code; messages: LocalizedText; details: Record<string, unknown> } {
    return { code: this.code, messages: this.#publicMessages ?? this.messages, details: this.details };
  }
}

/** `instanceof` for {@link LinliError} (by brand) and its subclasses (by prototype chain). */
function isInstance(target: object, value: unknown): boolean {
  if (target === LinliError) return hasLinliBrand(value);
  return Function.prototype[Symbol.hasInstance].call(target, value);
}

/**
 * True when `error` is a {@link LinliError}, optionally with the given `code`, which then
 * narrows `error.code` to that literal. Recognises errors from any copy of `@linli/core`
 * loaded in the process (ESM and CommonJS builds alike) by their `Symbol.for("linli.error")`
 * brand.
 *
 * @example
 * ```ts
 * try {
 *   await community.booking.cancel({ actor, bookingId });
 * } catch (error) {
 *   if (!isLinliError(error, "ACCESS_DENIED")) throw error;
 *   reply(403, error.toJSON()); // error.code is "ACCESS_DENIED"
 * }
 * ```
 */
export function isLinliError<const C extends LinliErrorCode = LinliErrorCode>(
  error: unknown,
  code?: C,
): error is LinliError<C> {
  return hasLinliBrand(error) && (code === undefined || (error as LinliError).code === code);
}
