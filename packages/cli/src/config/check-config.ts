import { type AnyPlugin, type LocalizedText, parseCommunityConfig } from "@linli/core";
import type { LoadedConfig } from "./load-config";
import { locate, type SourceFile, type Span } from "./source-tree";

/** A position in a file, 1-based like an editor's. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A problem of a configuration with where it was written: what `linli validate` prints. */
export interface LocatedConfigProblem {
  /** The file (display name), or null when the problem has no place in a file. */
  readonly file: SourceFile | null;
  /** Start of the offending value. */
  readonly start: Position;
  /** End of the offending value (exclusive). */
  readonly end: Position;
  /** Dotted path into the merged configuration (`resources[2].capacity`), or "" for a file problem. */
  readonly path: string;
  /** Stable code. */
  readonly code: string;
  /** The explanation in zh-CN and en. */
  readonly message: LocalizedText;
}

/** Parses a problem path `a.b[2].c` back into keys (`(root)` is the empty path). */
export function pathKeys(path: string): (string | number)[] {
  if (path === "(root)" || path === "") return [];
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    keys.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
  }
  return keys;
}

const positionOf = (span: Span, offset: number): Position => {
  const { line, col } = span.file.lines.linePos(offset);
  return { line, column: col };
};

function placed(span: Span | null) {
  if (!span) return { file: null, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    file: span.file,
    start: positionOf(span, span.start),
    end: positionOf(span, Math.max(span.start, span.end)),
  };
}

/**
 * Every problem of a loaded configuration, in file order: what could not be read, then the
 * kernel's and the plugins' one-pass check (structural, cross-reference and semantic), each
 * placed at the file, line and column where the offending value was written, also when it
 * comes from a file the configuration extends or includes.
 */
export function checkLoadedConfig(
  loaded: LoadedConfig,
  plugins: readonly AnyPlugin[],
): LocatedConfigProblem[] {
  const out: LocatedConfigProblem[] = loaded.problems.map((p) => ({
    ...placed(p.span),
    path: "",
    code: p.code,
    message: p.message,
  }));
  const { tree } = loaded;
  if (!tree || out.length > 0) return out;
  const result = parseCommunityConfig(loaded.value, plugins);
  if (result.ok) return out;
  for (const problem of result.problems) {
    out.push({ ...placed(locate(tree, pathKeys(problem.path))), ...problem });
  }
  // In reading order, like a compiler's: by file (the main file first), line, then column.
  const order = (p: LocatedConfigProblem) => (p.file ? loaded.files.indexOf(p.file) : -1);
  return out.sort(
    (a, b) => order(a) - order(b) || a.start.line - b.start.line || a.start.column - b.start.column,
  );
}
