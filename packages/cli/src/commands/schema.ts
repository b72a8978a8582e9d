import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { communityConfigJsonSchema } from "@linli/core";
import { presetNames } from "@linli/presets";
import type { CommandModule } from "../cli-context";
import { installedPlugins } from "../plugins";

/**
 * The JSON Schema of a community configuration file with the installed plugins: the kernel's
 * and each plugin's sections, plus the loader's `extends` key (a preset name or a file).
 */
export function configFileJsonSchema(): Record<string, unknown> {
  const schema = communityConfigJsonSchema(installedPlugins());
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const target = {
    type: "string",
    description: `A shipped preset (${presetNames.join(", ")}) or a file relative to this one`,
    examples: [...presetNames, "./base.yaml"],
  };
  return {
    ...schema,
    $id: "https://linli.invalid/community-config.schema.json",
    title: "linli community configuration",
    properties: {
      $schema: { type: "string" },
      extends: { anyOf: [target, { type: "array", items: target, maxItems: 20 }] },
      ...properties,
    },
  };
}

/** `linli schema [--out file]`: prints (or writes) the config's JSON Schema for editors. */
export const schemaCommand: CommandModule = (program, context) => {
  program
    .command("schema")
    .description("print the JSON Schema of a community configuration (installed plugins included)")
    .option("--out <file>", "write it to this file instead of standard output")
    .action((options: { out?: string }) => {
      const text = `${JSON.stringify(configFileJsonSchema(), null, 2)}\n`;
      if (options.out) writeFileSync(resolve(context.io.cwd, options.out), text);
      else context.io.out(text);
    });
};
