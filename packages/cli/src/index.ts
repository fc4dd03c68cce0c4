export { runCli } from './commands.ts';
export { DEMO_MODEL, demoUniverse, type ModelsDemoResult, runModelsDemo } from './demo-models.ts';
export { type Platform, type PlatformOptions, startPlatform } from './platform.ts';
export { freePort } from './ports.ts';
export { REPLAY_PLATFORM_ENV } from './replay/command.ts';
export {
  type ReplayAlert,
  type ReplayOptions,
  type ReplayResult,
  type ReplaySession,
  ReplayStepError,
  runReplay,
} from './replay/run.ts';
export { REPLAY_FEATURES, REPLAY_MODELS } from './replay/setup.ts';
export { workspaceExport } from './workspace.ts';
