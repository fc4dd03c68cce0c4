export { runCli } from './commands.ts';
export { type Platform, type PlatformOptions, startPlatform } from './platform.ts';
export { freePort } from './ports.ts';
