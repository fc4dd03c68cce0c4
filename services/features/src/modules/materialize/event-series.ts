import { compileFeatureSet } from '@alphagraph/dsl';
import { type Lake, type LakeSession, quoteIdent, quoteLiteral, type Snapshot } from '@alphagraph/lake';
import type { PinnedInputs } from './changes.ts';
import type { ComputationPlan } from './compute.ts';

/**
 * As-of series (`AsOf($vendor.sentiment)`, `Mean($vendor.sentiment, 5d)`): features on a
 * dataset's own clock, one row per (entity, observed event time) instead of one per daily bar.
 *
 * A value must be the one known at each instant (DESIGN section 4, rule 2), and a late or
 * corrected observation changes what was known from its `available_at` on, not before. So the
 * view holds every version of every row, each available from the instant its value became known:
 * the training-set join then picks, at t, the latest event time available at t in its latest
 * version known at t, which is exactly the value as of t.
 *
 * The instants at which an entity's observations changed are its distinct `available_at`s. Most
 * only append (every observation they add is after every event time known before): the series
 * known then is a prefix of the one known at the next instant, and look-back values of earlier
 * rows cannot change. The others (a correction, a late or out-of-order observation, another one at
 * a known event time) restart: from each restart to the instant before the next, the series
 * known at the segment's last instant is computed once; its rows with event times from the
 * restart's earliest changed observation on are versions available at the restart, and rows
 * appended later in the segment are versions available from when they were first known. A
 * version equal to the row's previous one is not written. In-order data is thus one pass; each
 * restart costs a pass over the entity's history known then.
 *
 * Observations at one event time are one row, the last in `seq` order: its value for AsOf, and
 * every window ending there includes all of them (they arrive together within a segment: a
 * later one at a known event time restarts).
 */
export async function computeEventSeries(
  session: LakeSession,
  request: {
    readonly lake: Lake;
    readonly plan: ComputationPlan;
    readonly asOf: Date;
    readonly inputs: PinnedInputs;
    readonly universe: readonly string[];
    readonly from: Date | null;
    readonly to: Date | null;
    readonly tiebreak: string;
    readonly onStaged?: () => Promise<void>;
  },
): Promise<readonly string[]> {
  const { plan, lake } = request;
  const clock = plan.eventClock;
  const source = clock ? plan.catalog.alt.get(clock) : undefined;
  if (!source) throw new Error(`as-of series: alternative dataset ${clock} is not registered`);
  const snapshot = request.inputs.get(source.lakeDataset) ?? null;
  // Field -> its declared column, as f0, f1, … in the staged relation.
  const fields = plan.altFields.map((f, i) => {
    if (f.dataset !== source.name || f.kind !== 'last' || !f.source) {
      throw new Error(`as-of series over ${source.name} cannot read $${f.name}`);
    }
    return { name: f.name, column: quoteIdent(f.source), alias: `f${i}` };
  });

  await session.run('CREATE OR REPLACE TEMP TABLE fs_universe (entity VARCHAR)');
  await session.append(
    'fs_universe',
    request.universe.map((e) => [e]),
  );
  const empty =
    '(SELECT NULL::VARCHAR AS entity, NULL::TIMESTAMPTZ AS event_time, NULL::INTEGER AS seq, NULL::TIMESTAMPTZ AS available_at, NULL::VARCHAR AS batch_id WHERE false)';
  const scanned = snapshot ? lake.scan(snapshot) : empty;
  const values = fields.map((f) => (snapshot ? `CAST(${f.column} AS DOUBLE)` : 'NULL::DOUBLE'));
  // Every version known at asOf of the universe's observations.
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_ev_versions AS
     SELECT entity, event_time, seq, available_at, batch_id${values.map((v, i) => `, ${v} AS ${fields[i]!.alias}`).join('')}
     FROM ${scanned}
     WHERE available_at <= $1::TIMESTAMPTZ AND entity IN (SELECT entity FROM fs_universe)`,
    [request.asOf],
  );
  // The instants at which an entity's series changed (each distinct available_at), with the
  // earliest event time changed then (m). An instant that only adds observations after every
  // event time known before it is an append; any other (a correction, a late or tied observation)
  // restarts: `seg` counts restarts, so within a segment the series only grows at its end.
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_ev_instants AS
     WITH i AS (
       SELECT entity, available_at AS k, min(event_time) AS m, max(event_time) AS mx
       FROM fs_ev_versions GROUP BY entity, available_at
     ), p AS (
       SELECT *, max(mx) OVER (PARTITION BY entity ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
       FROM i
     )
     SELECT entity, k, m, coalesce(m <= before, false) AS restart,
            sum(CAST(coalesce(m <= before, false) AS INTEGER)) OVER (PARTITION BY entity ORDER BY k ROWS UNBOUNDED PRECEDING) AS seg
     FROM p`,
  );
  // Per segment: its last instant, and the restart instant that opened it (k0, with its m0).
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_ev_segments AS
     SELECT entity, seg, max(k) AS k_end, max(CASE WHEN restart THEN k END) AS k0, max(CASE WHEN restart THEN m END) AS m0
     FROM fs_ev_instants GROUP BY entity, seg`,
  );
  // The series as known at each segment's last instant: a partition `part` per (entity, segment),
  // rows ordered by (event_time, seq) as `ord`, each observation in its latest version known then,
  // with the instant its event time was first known (`row_first_at`).
  const cols = fields.map((f) => `v.${f.alias}`).join(', ');
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_ev_input AS
     WITH known AS (
       SELECT g.entity, g.seg, g.k0, g.m0, v.event_time, v.seq${cols ? `, ${cols}` : ''},
              min(v.available_at) OVER (PARTITION BY g.entity, g.seg, v.event_time) AS row_first_at
       FROM fs_ev_segments g JOIN fs_ev_versions v ON v.entity = g.entity AND v.available_at <= g.k_end
       QUALIFY row_number() OVER (PARTITION BY g.entity, g.seg, v.event_time, v.seq
                                  ORDER BY v.available_at DESC, v.batch_id DESC) = 1
     )
     SELECT dense_rank() OVER (ORDER BY entity, seg) AS part,
            row_number() OVER (PARTITION BY entity, seg ORDER BY event_time, seq) AS ord, *
     FROM known`,
  );
  await request.onStaged?.();

  const compiled = compileFeatureSet(plan.expressions, {
    fields: plan.catalog.fields,
    source: {
      relation: 'fs_ev_input',
      entityColumn: 'part',
      timeColumn: 'ord',
      eventTimeColumn: 'event_time',
      availableAtColumn: 'row_first_at',
      columns: Object.fromEntries(fields.map((f) => [f.name, f.alias])),
    },
  });
  const out = compiled.columns.map(quoteIdent);
  const bounds = [
    ...(request.from ? [`event_time >= TIMESTAMPTZ ${quoteLiteral(request.from.toISOString())}`] : []),
    ...(request.to ? [`event_time < TIMESTAMPTZ ${quoteLiteral(request.to.toISOString())}`] : []),
  ];
  const changed = out.map((c) => `${c} IS DISTINCT FROM lag(${c}) OVER w`).join(' OR ');
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_computed AS
     WITH c AS (${compiled.sql}),
     rows AS (
       SELECT s.entity, s.event_time,
              CASE WHEN s.row_first_at <= s.k0 THEN s.k0 ELSE s.row_first_at END AS available_at,
              ${out.map((o) => `c.${o}`).join(', ')}
       FROM c JOIN fs_ev_input s ON s.part = c.entity AND s.ord = c.time
       WHERE s.k0 IS NULL OR s.row_first_at > s.k0 OR s.event_time >= s.m0
       QUALIFY row_number() OVER (PARTITION BY s.part, s.event_time ORDER BY s.ord DESC) = 1
     ),
     versions AS (
       SELECT *, row_number() OVER w = 1 OR ${changed} AS is_new
       FROM rows WINDOW w AS (PARTITION BY entity, event_time ORDER BY available_at)
     )
     SELECT entity, event_time, available_at, ${quoteLiteral(request.tiebreak)} AS tiebreak, ${out.join(', ')},
            NULL::TIMESTAMPTZ AS after
     FROM versions WHERE is_new${bounds.map((b) => ` AND ${b}`).join('')}`,
  );
  return compiled.columns;
}

/**
 * `fs_out` for an as-of series view: the computed versions the view does not hold yet (a run
 * recomputes every version from the start; the ones already written are left out).
 */
export async function keepNewVersions(options: {
  session: LakeSession;
  lake: Lake;
  view: Snapshot | null;
  columns: readonly string[];
}): Promise<void> {
  const { session, lake, view } = options;
  const columns = ['entity', 'event_time', 'available_at', 'tiebreak', ...options.columns].map(quoteIdent);
  if (!view || view.files.length === 0) {
    await session.run(`CREATE OR REPLACE TEMP TABLE fs_out AS SELECT ${columns.join(', ')} FROM fs_computed`);
    return;
  }
  const same = ['available_at', ...options.columns]
    .map((c) => `s.${quoteIdent(c)} IS NOT DISTINCT FROM c.${quoteIdent(c)}`)
    .join(' AND ');
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_out AS
     SELECT ${columns.map((c) => `c.${c}`).join(', ')} FROM fs_computed c
     WHERE NOT EXISTS (SELECT 1 FROM ${lake.scan(view)} s WHERE s.entity = c.entity AND s.event_time = c.event_time AND ${same})`,
  );
}
