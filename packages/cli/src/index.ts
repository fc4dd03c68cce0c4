export { runCli } from './commands.ts';
export { DEMO_MODEL, demoUniverse, type ModelsDemoResult, runModelsDemo } from './demo-models.ts';
export { type Platform, type PlatformOptions, startPlatform } from './platform.ts';
export { freePort } from './ports.ts';
export { workspaceExport } from './workspace.ts';
