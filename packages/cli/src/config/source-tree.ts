import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Document } from "yaml";

/** A configuration file as read: its display name, text and line counter. */
export interface SourceFile {
  /** The name problems are reported under (relative to the working directory, or `@linli/presets/<name>.json`). */
  readonly name: string;
  /** The absolute path, or the preset's name for a shipped preset. */
  readonly id: string;
  /** The whole text (code frames are cut from it). */
  readonly text: string;
  /** Offsets to lines and columns. */
  readonly lines: LineCounter;
}

/** Where a value was written: a file and the offsets of its node. */
export interface Span {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

/** A map entry: where its key was written, and its value. */
export interface Entry {
  readonly key: Span;
  readonly value: SourceNode;
}

/**
 * A parsed value that remembers where each part was written, also after merging files: the
 * loader maps a problem's path back to a file, line and column through it.
 */
export type SourceNode =
  | { readonly kind: "scalar"; readonly value: unknown; readonly span: Span }
  | { readonly kind: "map"; readonly entries: ReadonlyMap<string, Entry>; readonly span: Span }
  | { readonly kind: "seq"; readonly items: readonly SourceNode[]; readonly span: Span };

/** How a map `{ $include: path }` is replaced by the tree of another file. */
export type IncludeFile = (path: string, at: Span) => SourceNode;

const spanOf = (file: SourceFile, node: Node | null | undefined, fallback: number): Span => {
  const range = node?.range;
  return range ? { file, start: range[0], end: range[1] } : { file, start: fallback, end: fallback };
};

/** The source tree of a YAML (or JSON) document; `{ $include: path }` maps are replaced by that file's tree. */
export function sourceTree(doc: Document, file: SourceFile, include: IncludeFile): SourceNode {
  const walk = (node: unknown, fallback: number, depth: number): SourceNode => {
    if (depth > 200) throw new RangeError("configuration nested too deeply");
    if (isAlias(node)) return walk(node.resolve(doc), fallback, depth + 1);
    const span = spanOf(file, node as Node | null, fallback);
    if (isMap(node)) {
      const entries = new Map<string, Entry>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keySpan = spanOf(file, pair.key as Node | null, span.start);
        entries.set(key, { key: keySpan, value: walk(pair.value, keySpan.end, depth + 1) });
      }
      const only = entries.size === 1 ? entries.get("$include") : undefined;
      if (only && only.value.kind === "scalar" && typeof only.value.value === "string") {
        return include(only.value.value, only.value.span);
      }
      return { kind: "map", entries, span };
    }
    if (isSeq(node)) {
      return { kind: "seq", items: node.items.map((item) => walk(item, span.start, depth + 1)), span };
    }
    return { kind: "scalar", value: isScalar(node) ? node.value : null, span };
  };
  return walk(doc.contents, 0, 0);
}

/** The plain value of a source tree (what the configuration check sees). */
export function plainValue(node: SourceNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(plainValue);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of node.entries) out[key] = plainValue(entry.value);
  return out;
}

/**
 * Where the value at `keys` was written: the node itself, or, when the path goes beyond what
 * was written (a required field left out), the deepest node on the path that exists.
 */
export function locate(root: SourceNode, keys: readonly (string | number)[]): Span {
  let node = root;
  for (const key of keys) {
    if (node.kind === "map" && typeof key === "string" && node.entries.has(key)) {
      node = node.entries.get(key)!.value;
    } else if (node.kind === "seq" && typeof key === "number" && node.items[key]) {
      node = node.items[key]!;
    } else {
      break;
    }
  }
  return node.span;
}
