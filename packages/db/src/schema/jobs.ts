import { integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Owned by packages/jobs: shared by every service that runs background work, as the lake catalog
 * is shared by every service that writes the lake, so a new job kind declares no liveness table
 * of its own and one table shows an operator every live worker.
 */
export const jobsSchema = pgSchema('jobs');

/**
 * The processes alive now: each heartbeats its row while it holds work (a materialization run, a
 * training-set build, …). Work held by a worker whose heartbeat is older than the lease belongs
 * to a process that is gone, and is failed by a live one (each lifecycle's sweep).
 */
export const workers = jobsSchema.table('workers', {
  /** `host:pid:random`, minted once per process. */
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set from the database clock, so replicas on skewed hosts agree on staleness. */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});
