import { LineCounter } from "yaml";
import { type Entry, plainValue, type SourceNode } from "./source-tree";

/** An entry of a list merged by id: a map with a string `id`. */
const idOf = (node: SourceNode): string | undefined => {
  if (node.kind !== "map") return undefined;
  const id = node.entries.get("id")?.value;
  return id?.kind === "scalar" && typeof id.value === "string" ? id.value : undefined;
};

const isDeletion = (node: SourceNode) => {
  const flag = node.kind === "map" ? node.entries.get("$delete")?.value : undefined;
  return flag?.kind === "scalar" && flag.value === true;
};

const isNull = (node: SourceNode) => node.kind === "scalar" && node.value === null;

/**
 * Merges an overriding configuration over a base one (a community's file over the preset it
 * extends). The semantics, documented in the package README:
 *
 * - **Maps** merge key by key, recursively. A key set to `null` in the override removes it.
 * - **Lists of entries with ids** (every entry of both lists a map with a string `id`, such as
 *   `resources`, `groups`, `booking.rules`, `pricing.plans`) merge by id: an override entry with
 *   the id of a base entry is merged into it, in the base entry's place; an entry with a new id
 *   is appended; an entry `{ id: x, $delete: true }` removes the base entry `x`.
 * - **Any other value** (scalars, lists without ids, a change of type) replaces the base.
 *
 * Each merged part keeps where it was written, so problems point at the right file.
 */
export function mergeSource(base: SourceNode, override: SourceNode): SourceNode {
  if (base.kind === "map" && override.kind === "map") {
    const entries = new Map<string, Entry>(base.entries);
    for (const [key, entry] of override.entries) {
      const before = entries.get(key);
      if (isNull(entry.value)) entries.delete(key);
      else
        entries.set(key, before ? { key: entry.key, value: mergeSource(before.value, entry.value) } : entry);
    }
    return { kind: "map", entries, span: override.span };
  }
  if (base.kind === "seq" && override.kind === "seq") {
    const baseIds = base.items.map(idOf);
    const overIds = override.items.map(idOf);
    if (baseIds.every((id) => id !== undefined) && overIds.every((id) => id !== undefined)) {
      const items = [...base.items];
      const deleted = new Set<number>();
      override.items.forEach((item, i) => {
        const at = baseIds.indexOf(overIds[i]!);
        if (isDeletion(item)) {
          if (at >= 0) deleted.add(at);
        } else if (at >= 0) {
          items[at] = mergeSource(items[at]!, item);
        } else {
          items.push(item);
        }
      });
      return { kind: "seq", items: items.filter((_, i) => !deleted.has(i)), span: override.span };
    }
  }
  return override;
}

function sourceOf(value: unknown, span: SourceNode["span"], depth = 0): SourceNode {
  if (depth > 200) throw new RangeError("configuration nested too deeply");
  if (Array.isArray(value))
    return { kind: "seq", items: value.map((v) => sourceOf(v, span, depth + 1)), span };
  if (typeof value === "object" && value !== null) {
    const entries = new Map<string, Entry>(
      Object.entries(value).map(([key, v]) => [key, { key: span, value: sourceOf(v, span, depth + 1) }]),
    );
    return { kind: "map", entries, span };
  }
  return { kind: "scalar", value, span };
}

/**
 * Merges plain values (parsed JSON or YAML, a preset) with the semantics of {@link mergeSource}:
 * what `extends` does, for a program that holds both configurations in memory (a what-if
 * change over a preset). Neither argument is changed.
 */
export function mergeConfig(base: unknown, override: unknown): unknown {
  const lines = new LineCounter();
  const span = { file: { name: "(memory)", id: "(memory)", text: "", lines }, start: 0, end: 0 };
  return plainValue(mergeSource(sourceOf(base, span), sourceOf(override, span)));
}
