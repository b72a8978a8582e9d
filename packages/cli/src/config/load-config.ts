import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { LocalizedText } from "@linli/core";
import { isPresetName, presetJson, presetNames } from "@linli/presets";
import { LineCounter, parseDocument } from "yaml";
import { mergeSource } from "./merge";
import {
  type Entry,
  plainValue,
  type SourceFile,
  type SourceNode,
  type Span,
  sourceTree,
} from "./source-tree";

/** A problem reading a configuration (before it is checked): a missing file, a YAML error, a cycle. */
export interface LoadProblem {
  /** Where, when known. */
  readonly span: Span | null;
  /** The file it concerns (its display name). */
  readonly file: string;
  /** Stable code: `FILE_NOT_FOUND`, `YAML_SYNTAX`, `UNKNOWN_PRESET`, `EXTENDS_CYCLE`, `INVALID_EXTENDS`, `NOT_A_MAPPING`. */
  readonly code: string;
  /** The explanation in zh-CN and en. */
  readonly message: LocalizedText;
}

/** A configuration read from files: the merged value, its source tree, and every file read. */
export interface LoadedConfig {
  /** The merged configuration (extends and includes resolved), or undefined when it could not be read. */
  readonly value: unknown;
  /** Where each part of the value was written. */
  readonly tree: SourceNode | undefined;
  /** Problems that kept parts from being read. */
  readonly problems: readonly LoadProblem[];
  /** Every file read, the main one first. */
  readonly files: readonly SourceFile[];
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Directory file names are shown relative to. @default process.cwd() */
  readonly cwd?: string;
}

const MAX_FILES = 100;

/**
 * Reads a community configuration from a YAML or JSON file, with:
 * - `extends: <preset or file>` (or a list of them) at the top: the named shipped preset
 *   (`wangjialong`, `library-of-things`) or a file relative to this one, merged under this
 *   file (see `mergeSource` for the semantics); later entries override earlier ones;
 * - `{ $include: ./file.yaml }` anywhere: replaced by that file's content.
 *
 * Every value keeps the file and offsets it came from, so problems found later map back to
 * file:line:column. Nothing is thrown: unreadable parts are {@link LoadProblem}s.
 */
export function loadConfig(path: string, options: LoadConfigOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const files: SourceFile[] = [];
  const problems: LoadProblem[] = [];
  const displayName = (abs: string) => {
    const rel = relative(cwd, abs);
    return rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
  };
  const problem = (span: Span | null, file: string, code: string, zh: string, en: string) => {
    problems.push({ span, file, code, message: { "zh-CN": zh, en } });
    return undefined;
  };

  /**
   * Reads one file (or shipped preset) into a source tree. A configuration (`asConfig`: the
   * main file and the files it extends) is a mapping, with its extends merged under it; an
   * included file may hold any value.
   */
  const readTree = (
    id: string,
    stack: readonly string[],
    from: Span | null,
    asConfig = true,
  ): SourceNode | undefined => {
    const preset = !isAbsolute(id) && isPresetName(id) ? id : undefined;
    const name = preset ? `@linli/presets/${preset}.json` : displayName(id);
    const fromFile = from?.file.name ?? name;
    if (stack.includes(id)) {
      return problem(
        from,
        fromFile,
        "EXTENDS_CYCLE",
        `循环引用：${name} 引用了自身`,
        `Cycle: ${name} extends or includes itself`,
      );
    }
    if (files.length >= MAX_FILES) {
      return problem(
        from,
        fromFile,
        "TOO_MANY_FILES",
        `引用的文件超过 ${MAX_FILES} 个`,
        `More than ${MAX_FILES} files extended or included`,
      );
    }
    let text: string;
    try {
      text = preset ? presetJson(preset) : readFileSync(id, "utf8");
    } catch {
      return problem(from, fromFile, "FILE_NOT_FOUND", `找不到文件 ${name}`, `File not found: ${name}`);
    }
    const lines = new LineCounter();
    const file: SourceFile = { name, id, text, lines };
    files.push(file);
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const [start, end] = error.pos;
        problem(
          { file, start, end },
          name,
          "YAML_SYNTAX",
          `YAML 语法错误：${error.message}`,
          `YAML syntax error: ${error.message}`,
        );
      }
      return undefined;
    }
    const here = [...stack, id];
    const include = (target: string, at: Span): SourceNode =>
      readTree(resolve(preset ? cwd : dirname(id), target), here, at, false) ?? {
        kind: "scalar",
        value: undefined,
        span: at,
      };
    const tree = sourceTree(doc, file, include);
    if (!asConfig) return tree;
    if (tree.kind !== "map") {
      const span = tree.span;
      return problem(
        span,
        name,
        "NOT_A_MAPPING",
        "配置文件的顶层应是一个映射（键: 值）",
        "A configuration file is a mapping (key: value) at the top",
      );
    }
    const extendsEntry = tree.entries.get("extends");
    if (!extendsEntry) return tree;
    const own: SourceNode = {
      kind: "map",
      entries: new Map([...tree.entries].filter(([key]) => key !== "extends")),
      span: tree.span,
    };
    let merged: SourceNode | undefined;
    for (const target of extendsTargets(extendsEntry, name)) {
      const base =
        !target.value.startsWith(".") && !isAbsolute(target.value) && !/\.(ya?ml|json)$/i.test(target.value)
          ? isPresetName(target.value)
            ? readTree(target.value, here, target.span)
            : problem(
                target.span,
                name,
                "UNKNOWN_PRESET",
                `未知的预设 "${target.value}"，可用的预设：${presetNames.join("、")}；文件请写相对路径（./base.yaml）`,
                `Unknown preset "${target.value}": the presets are ${presetNames.join(", ")}; write a file as a relative path (./base.yaml)`,
              )
          : readTree(resolve(preset ? cwd : dirname(id), target.value), here, target.span);
      if (base) merged = merged ? mergeSource(merged, base) : base;
    }
    return merged ? mergeSource(merged, own) : own;
  };

  const extendsTargets = (entry: Entry, name: string): { value: string; span: Span }[] => {
    const node = entry.value;
    const items = node.kind === "seq" ? node.items : [node];
    const out: { value: string; span: Span }[] = [];
    for (const item of items) {
      if (item.kind === "scalar" && typeof item.value === "string" && item.value.length > 0) {
        out.push({ value: item.value, span: item.span });
      } else {
        problem(
          item.span,
          name,
          "INVALID_EXTENDS",
          "extends 应是预设名或文件路径（或它们的列表）",
          "extends is a preset name or a file path (or a list of them)",
        );
      }
    }
    return out;
  };

  const tree = readTree(resolve(cwd, path), [], null);
  return { value: tree ? plainValue(tree) : undefined, tree, problems, files };
}
