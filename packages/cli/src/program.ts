import { Command, CommanderError } from "commander";
import { type CliContext, type CliIo, type CommandModule, processIo } from "./cli-context";
import { commandModules } from "./commands/index";

/** The version `linli --version` prints. */
export const CLI_VERSION = "0.1.0";

/** Builds the `linli` program from its command modules (see `src/commands/index.ts`). */
export function buildProgram(
  context: CliContext,
  modules: readonly CommandModule[] = commandModules,
): Command {
  const program = new Command("linli")
    .description("linli (邻里): check, explain and simulate a community's configuration")
    .version(CLI_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => context.io.out(s), writeErr: (s) => context.io.err(s) });
  for (const register of modules) register(program, context);
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => context.io.out(s), writeErr: (s) => context.io.err(s) });
  }
  return program;
}

/**
 * Runs `linli` with these arguments (without `node` and the script) and returns the exit code:
 * 0 when done, 1 when a command found problems, commander's code for a usage error.
 */
export async function runCli(
  args: readonly string[],
  io: CliIo = processIo(),
  modules: readonly CommandModule[] = commandModules,
): Promise<number> {
  let exitCode = 0;
  const context: CliContext = {
    io,
    fail: (code = 1) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  const program = buildProgram(context, modules);
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`linli: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return exitCode;
}
