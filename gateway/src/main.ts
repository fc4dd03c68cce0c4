// Starts the gateway: `pnpm --filter @alphagraph/gateway start`, configured by env.ts.
import { ConfigError } from '@alphagraph/config';
import { exitOnShutdownSignal, startTracing } from '@alphagraph/server';
import { CompositionError } from './compose.ts';
import { loadGatewayEnv } from './env.ts';
import { startGateway } from './server.ts';

/** Problems an operator can fix, said plainly; anything else with its stack for a bug report. */
function describeStartupError(error: unknown): unknown {
  if (error instanceof ConfigError || error instanceof CompositionError) return error.message;
  const listenError = error as { code?: string; address?: string; port?: number } | undefined;
  if (listenError?.code === 'EADDRINUSE') {
    return `${listenError.address}:${listenError.port} is already in use: stop what uses it or set HOST/PORT.`;
  }
  return error;
}

try {
  const env = loadGatewayEnv();
  const tracing = await startTracing({ serviceName: 'alphagraph-gateway', env: env.tracing });
  const gateway = await startGateway(env);
  console.log(`Alphagraph gateway: ${gateway.url} (GraphiQL in a browser)`);
  for (const [name, url] of Object.entries(env.subgraphUrls)) console.log(`  subgraph ${name}: ${url}`);
  if (tracing.enabled) console.log(`  traces exported to ${env.tracing.tracesUrl}`);

  exitOnShutdownSignal(async (signal) => {
    console.log(`${signal}: stopping the gateway`);
    await gateway.stop();
    await tracing.shutdown();
  });
} catch (error) {
  console.error(describeStartupError(error));
  process.exit(1);
}
