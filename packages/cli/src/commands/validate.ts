import { Option } from "commander";
import { type CommandModule, langOf, parseLang } from "../cli-context";
import { checkLoadedConfig } from "../config/check-config";
import { loadConfig } from "../config/load-config";
import { installedPlugins } from "../plugins";
import { formatReport } from "../problem-report";

/** The community's locale of a loaded config, if it says one. */
export function localeOf(value: unknown): unknown {
  const community = (value as { community?: { locale?: unknown } } | undefined)?.community;
  return community?.locale;
}

/**
 * `linli validate <file>`: every problem of a YAML or JSON configuration (and of the files it
 * extends or includes) with file:line:column, path, code, message and a code frame; exit code 1
 * when there is any.
 */
export const validateCommand: CommandModule = (program, context) => {
  program
    .command("validate")
    .description("check a community configuration (YAML or JSON): every problem with file:line:column")
    .argument("<file>", "the configuration file")
    .addOption(new Option("--lang <lang>", "zh-CN or en (default: the config's locale)").argParser(parseLang))
    .action((file: string, options: { lang?: "zh-CN" | "en" }) => {
      const loaded = loadConfig(file, { cwd: context.io.cwd });
      const problems = checkLoadedConfig(loaded, installedPlugins());
      const lang = langOf(options.lang, localeOf(loaded.value));
      const name = loaded.files[0]?.name ?? file;
      context.io.out(formatReport(name, problems, lang));
      if (problems.length > 0) context.fail(1);
    });
};
