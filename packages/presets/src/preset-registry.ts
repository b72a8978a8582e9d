import { libraryOfThings } from "./library-of-things/index";
import type { PresetConfig } from "./preset-part";
import { wangjialong } from "./wangjialong/index";

/** Every preset by name: what `extends: wangjialong` in a community file names. */
export const presets = {
  wangjialong,
  "library-of-things": libraryOfThings,
} as const satisfies Record<string, PresetConfig>;

/** The name of a shipped preset. */
export type PresetName = keyof typeof presets;

/** The names of the shipped presets, in order. */
export const presetNames = Object.keys(presets) as PresetName[];

/** Whether `name` is a shipped preset's name. */
export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(presets, name);
}

/**
 * A preset as its shipped JSON text (two-space indentation, a final newline): the content of
 * `@linli/presets/<name>.json`, which a test keeps equal to this.
 */
export function presetJson(name: PresetName): string {
  return `${JSON.stringify(presets[name], null, 2)}\n`;
}

/** A fresh, mutable copy of a preset (as parsed JSON), to change before passing it on. */
export function presetCopy(name: PresetName): PresetConfig {
  return JSON.parse(presetJson(name)) as PresetConfig;
}
