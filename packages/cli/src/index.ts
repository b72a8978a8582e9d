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
// Simulation, what-if and the HTML report (`linli simulate`, `linli whatif`, `npm run demo`).
export { type SimulateExtras, type SimulationResult, simulate } from "./simulate/run-simulation";
export {
  parseSimulationOptions,
  type SimulationOptions,
  type SimulationOptionsInput,
  simulationOptionsSchema,
} from "./simulate/simulation-options";
export type {
  ConfirmedBooking,
  SimulationAction,
  SimulationConfigInput,
  SimulationCommunity,
  SimulationDay,
  SimulationDomain,
  SimulationPlugins,
  SimulationWorld,
} from "./simulate/simulation-world";
export { defaultDomains } from "./simulate/domains/index";
export { type ConfigSource, type LoadedRunConfig, loadRunConfig } from "./simulate/simulation-config";
export {
  type GroupMoney,
  type ResourceUse,
  Tally,
  type TallyData,
  type TallySection,
} from "./simulate/tally";
export { SeededRandom } from "./simulate/seeded-random";
export { generateResidents, GROUP_SHARES, type ResidentProfile } from "./simulate/resident-profiles";
export {
  DEMAND_PROFILES,
  type DemandProfile,
  type Habit,
  KIND_PROFILES,
  profileFor,
} from "./simulate/demand-profiles";
export { summaryText } from "./simulate/summary-text";
export { type WhatifResult, whatif, whatifText } from "./simulate/whatif";
export { htmlReport } from "./report/html-report";
export { type ReportChart, reportCharts } from "./report/report-charts";
export { type ChartSize, renderSvgChart } from "./report/svg-chart";
/** One volunteer's load in a simulation's tally (`TallyData.volunteers`). */
export type { VolunteerLoad } from "./simulate/tally";
