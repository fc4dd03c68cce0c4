import { ConfigError } from '@alphagraph/config';
import { describe, expect, it } from 'vitest';
import { loadFeaturesEnv } from './env.ts';

// Token verification is required configuration for every subgraph.
const BASE = { AUTH_JWT_SECRET: 'a-development-secret-of-32-characters-or-more' };

describe('features environment', () => {
  it('defaults to a 5 s heartbeat and a 60 s worker lease, and takes both from the environment', () => {
    expect(loadFeaturesEnv(BASE).workers).toEqual({ heartbeatMs: 5_000, leaseMs: 60_000 });
    expect(
      loadFeaturesEnv({ ...BASE, FEATURES_WORKER_HEARTBEAT_SECONDS: '2.5', FEATURES_WORKER_LEASE_SECONDS: '30' })
        .workers,
    ).toEqual({ heartbeatMs: 2_500, leaseMs: 30_000 });
  });

  it('refuses a lease shorter than two heartbeats, naming the variable', () => {
    const load = () =>
      loadFeaturesEnv({ ...BASE, FEATURES_WORKER_HEARTBEAT_SECONDS: '10', FEATURES_WORKER_LEASE_SECONDS: '15' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /FEATURES_WORKER_LEASE_SECONDS: FEATURES_WORKER_LEASE_SECONDS must span at least two heartbeats/,
    );
    expect(() => loadFeaturesEnv({ ...BASE, FEATURES_WORKER_LEASE_SECONDS: 'soon' })).toThrow(
      /FEATURES_WORKER_LEASE_SECONDS/,
    );
  });
});

describe('features limits', () => {
  it('defaults to a 15-minute run deadline and a 256 MiB spine, and takes both from the environment', () => {
    expect(loadFeaturesEnv(BASE).work).toEqual({ runDeadlineMs: 900_000, spineMaxBytes: 268_435_456 });
    // The subgraph's own operation limits (GRAPHQL_MAX_*) are not shadowed by the features' work limits.
    expect(loadFeaturesEnv(BASE).limits.maxDepth).toBeGreaterThan(0);
    expect(
      loadFeaturesEnv({ ...BASE, FEATURES_RUN_DEADLINE_SECONDS: '2.5', FEATURES_SPINE_MAX_BYTES: '1000' }).work,
    ).toEqual({ runDeadlineMs: 2_500, spineMaxBytes: 1_000 });
    expect(() => loadFeaturesEnv({ ...BASE, FEATURES_RUN_DEADLINE_SECONDS: '0' })).toThrow(
      /FEATURES_RUN_DEADLINE_SECONDS/,
    );
  });
});
