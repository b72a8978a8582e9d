// @linli/cli: the `linli` command, and its parts for programs that embed them.
export {
  type CliContext,
  type CliIo,
  type CliLang,
  type CommandModule,
  langOf,
  processIo,
} from "./cli-context";
export { buildProgram, CLI_VERSION, runCli } from "./program";
export { commandModules } from "./commands/index";
export { type CommunityPlugins, communityPlugins, installedPlugins } from "./plugins";
export {
  type LoadConfigOptions,
  type LoadedConfig,
  type LoadProblem,
  loadConfig,
} from "./config/load-config";
export { mergeConfig, mergeSource } from "./config/merge";
export {
  type Entry,
  locate,
  plainValue,
  type SourceFile,
  type SourceNode,
  type Span,
} from "./config/source-tree";
export { checkLoadedConfig, type LocatedConfigProblem, pathKeys, type Position } from "./config/check-config";
export { codeFrame, formatProblem, formatReport } from "./problem-report";
export { configFileJsonSchema } from "./commands/schema";
