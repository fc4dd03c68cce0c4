export { runCli } from './commands.ts';
export { type Platform, type PlatformOptions, SERVICES, type ServiceName, startPlatform } from './platform.ts';
export { freePort } from './ports.ts';
