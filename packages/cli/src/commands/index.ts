import type { CommandModule } from "../cli-context";
import { explainCommand } from "./explain";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { schemaCommand } from "./schema";
import { simulateCommand } from "./simulate";
import { validateCommand } from "./validate";
import { whatifCommand } from "./whatif";

/**
 * Every subcommand of `linli`, in help order: one module per file in this folder, each a
 * function that registers itself. A new subcommand is one import and one entry here.
 */
export const commandModules: readonly CommandModule[] = [
  validateCommand,
  schemaCommand,
  explainCommand,
  importCommand,
  exportCommand,
  simulateCommand,
  whatifCommand,
];
