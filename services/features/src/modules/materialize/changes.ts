import { BARS_DATASET, MARKET_ENTITY } from '@alphagraph/datasets';
import { type Lake, type LakeSession, quoteLiteral, type Snapshot } from '@alphagraph/lake';
import { z } from 'zod';
import type { AltSource } from '../registry/catalog.ts';
import type { RunBaseline } from './runs.ts';

/** The input snapshots a run reads, by lake dataset, pinned once at its start. */
export type PinnedInputs = ReadonlyMap<string, Snapshot | null>;

/**
 * Pins the current snapshot of each dataset a view reads (`bars` for instrument views, then each
 * alternative dataset), so that finding corrections and staging the source see the same data: a
 * batch published mid-run is either in both or in neither (and then in the next run's diff).
 */
export async function pinInputs(
  lake: Lake,
  options: { readsBars: boolean; alt: readonly AltSource[] },
): Promise<Map<string, Snapshot | null>> {
  const pinned = new Map<string, Snapshot | null>();
  if (options.readsBars) pinned.set(BARS_DATASET.name, await lake.currentSnapshot(BARS_DATASET.name).catch(() => null));
  for (const source of options.alt) {
    pinned.set(source.lakeDataset, await lake.currentSnapshot(source.lakeDataset).catch(() => null));
  }
  return pinned;
}

const earliest = z.object({ entity: z.string().nullable(), first: z.date().nullable() });

/** The UTC day an instant falls on, as an instant (a daily bar's time convention). */
const DAY_OF = (column: string) => `timezone('UTC', date_trunc('day', timezone('UTC', ${column})))`;

/**
 * Per entity, the earliest event time (a daily row's time: session date 00:00 UTC) whose inputs
 * changed since the entity's baseline run: input rows the baseline could not see, either because
 * they were published after its snapshot (new files: corrections, late or out-of-order bars and
 * observations, whatever their `available_at`) or because their `available_at` was still in
 * the future at its `asOf`. Only rows visible now (`available_at <= asOf`) count.
 *
 * An observation belongs to the session whose close follows it, whose date is never before its
 * UTC date, so its UTC day is a safe (at most one session early) lower bound. A market-wide
 * observation changes that day for every entity.
 */
export async function changedSince(req: {
  readonly lake: Lake;
  readonly session: LakeSession;
  readonly asOf: Date;
  readonly baselines: readonly RunBaseline[];
  readonly inputs: PinnedInputs;
  /** The alternative datasets read, by lake dataset name. */
  readonly alt: ReadonlyMap<string, AltSource>;
}): Promise<Map<string, Date>> {
  const { lake, session } = req;
  const changed = new Map<string, Date>();
  const note = (entity: string, at: Date) => {
    const known = changed.get(entity);
    if (!known || at < known) changed.set(entity, at);
  };
  for (const baseline of req.baselines) {
    await session.run('CREATE OR REPLACE TEMP TABLE fs_baseline_entities (entity VARCHAR)');
    await session.append(
      'fs_baseline_entities',
      baseline.entities.map((e) => [e]),
    );
    for (const [dataset, current] of req.inputs) {
      if (!current || current.files.length === 0) continue;
      const unseen = await unseenFiles(lake, current, baseline.inputSnapshots[dataset]);
      const source = dataset === BARS_DATASET.name ? null : req.alt.get(dataset);
      if (dataset !== BARS_DATASET.name && !source)
        throw new Error(`pinned input ${dataset} is not a dataset the view reads`);
      const entity = source ? 'entity' : 'symbol';
      const time = source ? DAY_OF('event_time') : 'time';
      const filter = [
        source ? '' : `interval = '1d' AND`,
        source?.entityKind === 'market'
          ? `entity = ${quoteLiteral(MARKET_ENTITY)}`
          : `${entity} IN (SELECT entity FROM fs_baseline_entities)`,
        'AND available_at <= $1::TIMESTAMPTZ',
      ].join(' ');
      const parts = [
        `SELECT ${entity} AS entity, ${time} AS t FROM ${lake.scan(current)}
         WHERE ${filter} AND available_at > $2::TIMESTAMPTZ`,
      ];
      if (unseen.length > 0) {
        parts.push(`SELECT ${entity} AS entity, ${time} AS t FROM ${lake.scan({ ...current, files: unseen })}
                    WHERE ${filter}`);
      }
      const rows = await session.all(
        `SELECT ${source?.entityKind === 'market' ? 'NULL::VARCHAR' : 'entity'} AS entity, min(t) AS first
         FROM (${parts.join(' UNION ALL ')}) GROUP BY ALL`,
        [req.asOf, baseline.asOf],
      );
      for (const raw of rows) {
        const row = earliest.parse(raw);
        if (!row.first) continue;
        if (row.entity === null) for (const e of baseline.entities) note(e, row.first);
        else note(row.entity, row.first);
      }
    }
  }
  return changed;
}

/** Files of `current` that the snapshot `seenId` did not hold (all of them when it is unknown). */
async function unseenFiles(lake: Lake, current: Snapshot, seenId: number | undefined): Promise<string[]> {
  if (seenId === current.id) return [];
  const seen = seenId === undefined ? null : await lake.snapshot(current.dataset, seenId).catch(() => null);
  const known = new Set(seen?.files ?? []);
  return current.files.filter((f) => !known.has(f));
}
