import type { CommandModule } from "../cli-context";
import { dayProgress } from "../simulate/progress";
import { whatif, whatifText } from "../simulate/whatif";
import { type RunOptions, runConfig, runOptions, simulationInput } from "./simulate";

/**
 * `linli whatif --preset wangjialong --change change.yaml`: the same synthetic demand under
 * the current rules and under the rules with the change file merged over them, side by side:
 * who is refused, what is paid, what is waived.
 */
export const whatifCommand: CommandModule = (program, context) => {
  runOptions(
    program
      .command("whatif")
      .description("compare the same simulated demand under the current and changed rules"),
  )
    .requiredOption("--change <file>", "a YAML or JSON change merged over the configuration")
    .action(async (options: RunOptions & { change: string }) => {
      const before = runConfig({ ...options, change: undefined }, context);
      const after = runConfig(options, context);
      if (!before || !after) return;
      const progress = dayProgress();
      try {
        const result = await whatif(before, after, simulationInput(options), { onDay: progress.onDay });
        progress.stop();
        context.io.out(`${whatifText(result)}\n`);
      } finally {
        progress.stop();
      }
    });
};
