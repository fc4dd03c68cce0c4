import { BacktestError as EngineError } from '@alphagraph/backtest';
import type { Db } from '@alphagraph/db';
import type { JobsLog } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { type LoadedMarket, loadMarket, type PinnedInputs } from './market.ts';
import { writeOutputs } from './outputs.ts';
import { type SimulationOutput, type StoredWalkForward, simulate } from './simulate.ts';
import type { RunSpec } from './spec.ts';
import { type BacktestRecord, type BacktestStore, backtestLifecycle } from './store.ts';
import { computeWalkForward } from './walk-forward.ts';

export interface RunDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly store: BacktestStore;
  /** Where a failure's cause is logged (the worker lease's log; default the console). */
  readonly log?: JobsLog;
}

/** The pinned reads recorded on a run. */
export function pinnedOf(b: Pick<BacktestRecord, 'inputSnapshots' | 'asOf' | 'id'>): PinnedInputs {
  if (!b.inputSnapshots || !b.asOf) throw new Error(`backtest ${b.id} records no pinned inputs`);
  return { inputSnapshots: b.inputSnapshots, asOf: b.asOf };
}

/** Loads the market and simulates: what a run computes, without writing anything. */
export async function computeRun(
  lake: Lake,
  spec: RunSpec,
  pinned: PinnedInputs,
  progress: (fraction: number) => Promise<void> = async () => {},
  db?: Db,
): Promise<{ loaded: LoadedMarket; output: SimulationOutput }> {
  if (spec.walkForward) {
    if (!db) throw new Error('a walk-forward run reads the model version: give computeRun the database');
    return computeWalkForwardRun(db, lake, spec, pinned, progress);
  }
  const loaded = await loadMarket(lake, spec, pinned);
  await progress(0.4);
  const output = simulate(spec, loaded);
  await progress(0.7);
  return { loaded, output };
}

/**
 * A walk-forward run: retrains the version on rolling windows of its training set (pinned), trades
 * the stitched out-of-sample predictions (the run's outputs and metrics) and, beside them, the
 * in-sample predictions (metrics only).
 */
async function computeWalkForwardRun(
  db: Db,
  lake: Lake,
  spec: RunSpec,
  pinned: PinnedInputs,
  progress: (fraction: number) => Promise<void>,
): Promise<{ loaded: LoadedMarket; output: SimulationOutput }> {
  const wf = await computeWalkForward(db, lake, spec, pinned.inputSnapshots);
  await progress(0.4);
  const loaded = await loadMarket(lake, spec, pinned, wf.outOfSample);
  const output = simulate(spec, loaded);
  const inSample = simulate(spec, await loadMarket(lake, spec, pinned, wf.inSample));
  await progress(0.7);
  const iso = (ms: number) => new Date(ms).toISOString();
  const { walkForward: _o, ...outOfSampleMetrics } = output.metrics;
  const { walkForward: _i, ...inSampleMetrics } = inSample.metrics;
  const stored: StoredWalkForward = {
    ...spec.walkForward!,
    windows: wf.windows.map((w) => ({
      ...w,
      trainStart: iso(w.trainStart),
      trainEnd: iso(w.trainEnd),
      testStart: iso(w.testStart),
      testEnd: iso(w.testEnd),
    })),
    outOfSample: outOfSampleMetrics,
    inSample: inSampleMetrics,
  };
  return { loaded, output: { ...output, metrics: { ...output.metrics, walkForward: stored } } };
}

/** A short account of a failure for the run record (no stack, no SQL text). */
export function failureMessage(error: unknown): string {
  if (error instanceof DomainError || error instanceof EngineError) return error.message.slice(0, 1000);
  const message = error instanceof Error ? error.message : String(error);
  return `the run failed: ${message.split('\n')[0]!.slice(0, 300)}`;
}

/**
 * Executes a claimed run: reads the pinned snapshots, simulates, writes the outputs and, in the
 * catalog transaction publishing the last of them, moves the run to succeeded with its metrics and
 * output snapshots. A failure moves it to failed with a message; nothing half-written is read
 * (a run's rows are read only through the snapshots it recorded on success). Returns null when the
 * run stopped being this worker's meanwhile (given back by a stopping process, or swept): then it
 * published nothing more and left the run's state alone.
 */
export async function executeBacktest(
  deps: RunDeps,
  run: BacktestRecord,
  worker: string,
): Promise<BacktestRecord | null> {
  try {
    const spec = run.spec as unknown as RunSpec;
    const { output } = await computeRun(
      deps.lake,
      spec,
      pinnedOf(run),
      (p) => deps.store.progress(run.id, p, worker),
      deps.db,
    );
    let finished: BacktestRecord | null = null;
    await writeOutputs(deps.lake, run.id, output, {
      held: async (tx) => {
        if (!(await backtestLifecycle.holds(tx, { id: run.id, worker }))) throw new GivenBack(run.id, worker);
      },
      finish: async (tx, outputs) => {
        finished = await backtestLifecycle.transition(tx, {
          id: run.id,
          to: 'succeeded',
          heldBy: worker,
          set: {
            outputs,
            metrics: output.metrics as unknown as Record<string, unknown>,
            progress: 1,
            finishedAt: new Date(),
          },
        });
      },
    });
    if (!finished) throw new Error('the outputs were published without finishing the run');
    return finished;
  } catch (error) {
    if (!(error instanceof DomainError || error instanceof EngineError || isGivenBack(error))) {
      if (deps.log) deps.log.error({ err: error, backtest: run.id }, `backtest ${run.id} failed`);
      else console.error(`[backtests] backtest ${run.id} failed`, error);
    }
    // Null when the run is no longer this worker's (given back or swept): its state is not ours to set.
    return backtestLifecycle.tryTransition(deps.db, {
      id: run.id,
      to: 'failed',
      heldBy: worker,
      set: { error: failureMessage(error), finishedAt: new Date() },
    });
  }
}

/** A run or sweep this worker no longer holds: what it would publish is refused. */
export class GivenBack extends Error {
  constructor(id: string, worker: string) {
    super(`${id} is no longer held by ${worker} (given back to the queue or swept): nothing published`);
    this.name = 'GivenBack';
  }
}

/** Whether `error`, or an error it wraps (a lake write failure), is a `GivenBack`. */
export function isGivenBack(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof GivenBack) return true;
  }
  return false;
}
