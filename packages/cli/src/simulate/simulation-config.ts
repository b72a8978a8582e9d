import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isPresetName, presetCopy, presetNames } from "@linli/presets";
import type { CliLang } from "../cli-context";
import { checkLoadedConfig } from "../config/check-config";
import { loadConfig } from "../config/load-config";
import { installedPlugins } from "../plugins";
import { formatReport } from "../problem-report";

/** Where a simulation's configuration comes from. */
export interface ConfigSource {
  /** A shipped preset (`wangjialong`), used when `config` is absent. */
  readonly preset?: string;
  /** A YAML or JSON configuration file (may itself `extends` a preset). */
  readonly config?: string;
  /** A YAML or JSON change file merged over the configuration (by the loader's merge rules). */
  readonly change?: string;
}

/** A configuration ready to run, or the printed report of its problems. */
export type LoadedRunConfig =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly report: string };

/**
 * Loads the configuration a simulation runs: a preset, or a file, with a change file merged
 * over it. A change goes through the CLI's config loader (`extends: [base, change]` in a
 * throwaway wrapper file), so its merge rules (maps by key, lists by id, `$delete`) and its
 * problem positions (file:line:column in the change file) are the same as `linli validate`'s.
 */
export function loadRunConfig(source: ConfigSource, cwd: string, lang: CliLang): LoadedRunConfig {
  const preset = source.preset ?? "wangjialong";
  if (source.config === undefined && !isPresetName(preset)) {
    return {
      ok: false,
      report:
        lang === "zh-CN"
          ? `未知的预设 "${preset}"，可用的预设：${presetNames.join("、")}\n`
          : `Unknown preset "${preset}": the presets are ${presetNames.join(", ")}\n`,
    };
  }
  if (source.config === undefined && source.change === undefined && isPresetName(preset))
    return { ok: true, value: presetCopy(preset) };
  const base = source.config === undefined ? preset : resolve(cwd, source.config);
  const layers = source.change === undefined ? [base] : [base, resolve(cwd, source.change)];
  const dir = mkdtempSync(join(tmpdir(), "linli-run-config-"));
  try {
    const wrapper = join(dir, "run.yaml");
    writeFileSync(wrapper, `extends:\n${layers.map((l) => `  - ${JSON.stringify(l)}`).join("\n")}\n`);
    const loaded = loadConfig(wrapper, { cwd });
    const problems = checkLoadedConfig(loaded, installedPlugins());
    if (problems.length > 0) {
      const name = source.change ?? source.config ?? preset;
      return { ok: false, report: formatReport(name, problems, lang) };
    }
    return { ok: true, value: loaded.value };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
