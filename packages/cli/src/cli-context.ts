/** Where a command writes and where it runs: the process's streams, or buffers in tests. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** The working directory relative paths are resolved from. */
  readonly cwd: string;
}

/** What every command module gets: the io, and the exit code to set. */
export interface CliContext {
  /** Output and working directory. */
  readonly io: CliIo;
  /** Sets the process's exit code (1 on problems). The highest code set wins. */
  fail(code?: number): void;
}

/** The io of the running process. */
export const processIo = (): CliIo => ({
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
});

/** The user's language: zh-CN or en. */
export type CliLang = "zh-CN" | "en";

/** The language of a `--lang` option, or of a locale (`zh-*` is zh-CN, anything else en); zh-CN when neither. */
export function langOf(option: string | undefined, locale: unknown): CliLang {
  const pick = option ?? (typeof locale === "string" ? locale : "zh-CN");
  return pick.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/** Checks a `--lang` value. */
export function parseLang(value: string): CliLang {
  if (value === "zh-CN" || value === "en") return value;
  throw new Error(`--lang must be zh-CN or en, not "${value}"`);
}

/** A subcommand: a function that registers itself on the program (`src/commands/*.ts`). */
export type CommandModule = (program: import("commander").Command, context: CliContext) => void;
