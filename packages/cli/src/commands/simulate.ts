import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { type CliContext, type CliLang, type CommandModule, parseLang } from "../cli-context";
import { htmlReport } from "../report/html-report";
import { dayProgress } from "../simulate/progress";
import { simulate } from "../simulate/run-simulation";
import { loadRunConfig } from "../simulate/simulation-config";
import type { SimulationOptionsInput } from "../simulate/simulation-options";
import type { SimulationPlugins } from "../simulate/simulation-world";
import type { CommunityConfigInput } from "@linli/core";
import { summaryText } from "../simulate/summary-text";

/** A whole number option within bounds. */
export const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};

/** The options `simulate` and `whatif` share: where the config comes from and the demand's shape. */
export interface RunOptions {
  preset: string;
  config?: string;
  days: number;
  seed: number;
  residents: number;
  start: string;
  lang?: CliLang;
}

/** Adds the shared options of `simulate` and `whatif` to a command. */
export function runOptions(command: Command): Command {
  return command
    .option("--preset <name>", "a shipped preset", "wangjialong")
    .option("--config <file>", "a YAML or JSON configuration instead of a preset")
    .option("--days <n>", "days simulated", wholeNumber(1, 366), 30)
    .option("--seed <n>", "the seed: the same seed gives the same month", wholeNumber(0, 2 ** 32 - 1), 7)
    .option("--residents <n>", "residents generated", wholeNumber(1, 100_000), 5800)
    .option("--start <date>", "the first local day, YYYY-MM-DD", "2026-07-01")
    .addOption(
      new Option("--lang <lang>", "language of configuration problems: zh-CN or en").argParser(parseLang),
    );
}

/** The simulation options of parsed command-line options. */
export function simulationInput(options: RunOptions): SimulationOptionsInput {
  return { days: options.days, seed: options.seed, residents: options.residents, start: options.start };
}

/** Loads the run's configuration; prints its problems and fails when it has any. */
export function runConfig(
  options: RunOptions & { change?: string | undefined },
  context: CliContext,
): CommunityConfigInput<SimulationPlugins> | undefined {
  const loaded = loadRunConfig(
    {
      preset: options.preset,
      ...(options.config ? { config: options.config } : {}),
      ...(options.change ? { change: options.change } : {}),
    },
    context.io.cwd,
    options.lang ?? "en",
  );
  if (loaded.ok) return loaded.value as CommunityConfigInput<SimulationPlugins>;
  context.io.err(loaded.report);
  context.fail(1);
  return undefined;
}

/**
 * `linli simulate`: a seeded synthetic month of the community (5,800 residents by default)
 * through the SDK on embedded SQLite; prints the summary, and writes the HTML report with
 * `--report`. A progress bar on an interactive terminal only.
 */
export const simulateCommand: CommandModule = (program, context) => {
  runOptions(
    program
      .command("simulate")
      .description("simulate a month of community life on embedded SQLite: summary and HTML report"),
  )
    .option("--db <file>", "keep the SQLite database in this new file (default: a temporary file)")
    .option("--report <file>", "write the HTML report with charts to this file")
    .action(async (options: RunOptions & { db?: string; report?: string }) => {
      const config = runConfig(options, context);
      if (!config) return;
      const progress = dayProgress();
      try {
        const result = await simulate(
          config,
          { ...simulationInput(options), ...(options.db ? { db: resolve(context.io.cwd, options.db) } : {}) },
          { onDay: progress.onDay },
        );
        progress.stop();
        context.io.out(`${summaryText(result)}\n`);
        if (options.report) {
          const file = resolve(context.io.cwd, options.report);
          writeFileSync(file, htmlReport(result));
          context.io.out(`\nReport: ${file}\n`);
        }
      } finally {
        progress.stop();
      }
    });
};
