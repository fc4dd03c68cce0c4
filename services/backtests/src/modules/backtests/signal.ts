import { predictionsDataset, predictionsDatasetName } from '@alphagraph/datasets';
import { compileExpression } from '@alphagraph/dsl';
import { type Lake, type LakeSession, latestAsOf, quoteIdent } from '@alphagraph/lake';
import type { PinnedInputs } from './market.ts';
import { type RunSpec, SIGNAL_FIELDS } from './spec.ts';
import type { PredictionColumns } from './walk-forward.ts';

/**
 * The signal of a run as dense (session × symbol) columns: the value and when it became known
 * (epoch ms), NaN where there is none.
 */
export interface SignalGrid {
  readonly signal: Float64Array;
  readonly availableAt: Float64Array;
}

/**
 * What the signal reads, staged on the session by the market read:
 * - `bt_symbols(j, symbol)`: the universe, j its column in the grid;
 * - `bt_days(d, time, session_close)`: the run's sessions, d its row in the grid;
 * - `bt_times(ti, time, session_close)`: every bar time up to the period's end (the signal's history),
 *   `ti - first` being the session's row;
 * - `barsRelation`: the universe's daily bars as known at their own session's close
 *   (`j, time, open, high, low, close, volume, available_at`).
 */
export interface SignalSource {
  readonly session: LakeSession;
  readonly barsRelation: string;
  /** The index in `bt_times` of the first session of the period. */
  readonly first: number;
  readonly D: number;
  readonly S: number;
}

const emptyGrid = (n: number): SignalGrid => ({
  signal: new Float64Array(n).fill(Number.NaN),
  availableAt: new Float64Array(n).fill(Number.NaN),
});

/** Writes rows (cell d * S + j, value, available_at) into the grid. */
function place(grid: SignalGrid, rows: { cell: Int32Array; value: Float64Array; available: Float64Array }): SignalGrid {
  const n = rows.cell.length;
  for (let i = 0; i < n; i++) {
    const k = rows.cell[i]!;
    grid.signal[k] = rows.value[i]!;
    grid.availableAt[k] = rows.available[i]!;
  }
  return grid;
}

/**
 * The signal of `spec` over the staged market:
 *
 * - a feature expression: compiled exactly as features compile it, over the bars as each was known
 *   at its own session's close (a correction published later is not used for that session's
 *   signal), so a value is known at its session's close; its `available_at` goes to the engine,
 *   which refuses any value not known by its session's close. Read straight from the compiled
 *   query, column by column.
 * - a model: the version's predictions (latest batch known at as-of), each placed on the first
 *   session whose close is at or after its `available_at`; or predictions the run computed itself
 *   (walk-forward), placed the same way.
 */
export async function readSignal(
  lake: Lake,
  source: SignalSource,
  spec: RunSpec,
  pinned: PinnedInputs,
  predictions: PredictionColumns | undefined,
): Promise<SignalGrid> {
  const { session, S, D } = source;
  const grid = emptyGrid(D * S);
  const signal = spec.signal;
  if (!signal) return grid;
  if (signal.kind === 'expression') {
    const compiled = compileExpression(signal.expression, {
      fields: SIGNAL_FIELDS,
      mode: 'feature',
      source: {
        relation: source.barsRelation,
        entityColumn: 'j',
        timeColumn: 'time',
        availableAtColumn: 'available_at',
        columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
      },
    });
    const { columns } = await session.columns(
      `SELECT CAST((t.ti - ${source.first}) * ${S} + c.entity AS INTEGER) AS cell, c.value, c.available_at
       FROM (${compiled.sql}) c JOIN bt_times t ON t.time = c.time
       WHERE t.ti >= ${source.first} AND c.value IS NOT NULL AND isfinite(c.value)`,
    );
    return place(grid, {
      cell: columns.cell as Int32Array,
      value: columns.value as Float64Array,
      available: columns.available_at as Float64Array,
    });
  }
  if (predictions) {
    await session.run('CREATE OR REPLACE TEMP TABLE bt_wf (entity VARCHAR, t TIMESTAMPTZ, value DOUBLE)');
    await session.appendColumns('bt_wf', [predictions.entity, predictions.t, predictions.value]);
    await session.run(
      `CREATE OR REPLACE TEMP TABLE bt_signal AS
       SELECT p.entity, d.d, p.value, p.t AS available_at
       FROM (SELECT * FROM bt_wf WHERE entity IN (SELECT symbol FROM bt_symbols)) p
       ASOF JOIN bt_days d ON p.t <= d.session_close
       QUALIFY row_number() OVER (PARTITION BY p.entity, d.d ORDER BY p.t DESC) = 1`,
    );
  } else {
    const name = predictionsDatasetName(signal.model);
    const snapshot = await lake.snapshot(name, pinned.inputSnapshots[name]!);
    const known = latestAsOf(snapshot, {
      dataset: predictionsDataset(signal.model),
      asOf: '$1::TIMESTAMPTZ',
      where: ['version = $2', 'entity IN (SELECT symbol FROM bt_symbols)'],
    });
    await session.run(
      `CREATE OR REPLACE TEMP TABLE bt_signal AS
       SELECT p.entity, d.d, CAST(p.${quoteIdent(signal.field)} AS DOUBLE) AS value, p.available_at
       FROM ${known} p ASOF JOIN bt_days d ON p.available_at <= d.session_close
       QUALIFY row_number() OVER (PARTITION BY p.entity, d.d ORDER BY p.t DESC, p.available_at DESC) = 1`,
      [pinned.asOf, signal.version],
    );
  }
  const { columns } = await session.columns(
    `SELECT CAST(g.d * ${S} + s.j AS INTEGER) AS cell, CAST(g.value AS DOUBLE) AS value, g.available_at
     FROM bt_signal g JOIN bt_symbols s ON s.symbol = g.entity`,
  );
  return place(grid, {
    cell: columns.cell as Int32Array,
    value: columns.value as Float64Array,
    available: columns.available_at as Float64Array,
  });
}
