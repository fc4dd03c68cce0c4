import { type AltCatalogEntry, BAR_FIELDS, BARS_DATASET, readAltCatalog } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { FieldInfo } from '@alphagraph/dsl';
import type { DatasetContract } from '@alphagraph/lake';

/** How a `$dataset.field` is computed from a session's observations. */
export type AltFieldKind = 'last' | 'mean' | 'count';

export interface AltField {
  /** As written after `$`: `stocknet_tweets.sentiment_mean`. */
  readonly name: string;
  readonly dataset: string;
  readonly kind: AltFieldKind;
  /** The declared field it aggregates (null for `count`). */
  readonly source: string | null;
}

/** An alternative dataset as features read it. */
export interface AltSource {
  readonly name: string;
  /** The alt-data lake dataset holding every version of every observation. */
  readonly lakeDataset: string;
  /** Its declaration (version key, availability, tiebreak), as alt-data publishes it. */
  readonly dataset: DatasetContract;
  readonly entityKind: 'instrument' | 'market';
  readonly licensed: boolean;
  readonly vendor: string;
  readonly latencySeconds: number;
  /** Declared numeric fields (float, int), in declared order. */
  readonly numericFields: readonly string[];
}

/**
 * Every field a feature expression may read.
 *
 * Market fields (`$open $high $low $close $volume`) come from daily bars (dataset `bars`).
 * Alternative data is aligned to NYSE sessions: session D holds a dataset's observations with
 * event times in [close(D-1), close(D)) (16:00 New York, 13:00 on early closes), the clock the
 * daily tweet series uses; a daily series stamped D 00:00 UTC lands in session D. For each
 * alternative dataset with a declared numeric field `f`:
 *   `$dataset.f`       the session's last non-null observation of f (for a daily series: that day's value)
 *   `$dataset.f_mean`  the mean of f over the session's observations
 *   `$dataset.count`   the number of observations in the session (null, not 0, when there are none)
 * A declared field wins over a derived name it collides with.
 *
 * A declared field can also be read on the dataset's own clock: `AsOf($dataset.f)` and
 * `Mean($dataset.f, 5d)` are as-of series, one row per observed event time (see the dsl's
 * operators.ts and materialize/event-series.ts).
 */
export interface FeatureCatalog {
  readonly fields: ReadonlyMap<string, FieldInfo>;
  readonly alt: ReadonlyMap<string, AltSource>;
  readonly altFields: ReadonlyMap<string, AltField>;
}

/**
 * Reads the catalog of alternative datasets through alt-data's reader (their declared fields,
 * latency, entity kind, licence flag and vendor name), to type-check `$dataset.field` and to decide
 * licences.
 */
export async function loadFeatureCatalog(db: Db): Promise<FeatureCatalog> {
  return catalogFrom(await readAltCatalog(db));
}

export function catalogFrom(rows: readonly AltCatalogEntry[]): FeatureCatalog {
  const fields = new Map<string, FieldInfo>(BAR_FIELDS.map((f) => [f, { dataset: BARS_DATASET.name }]));
  const alt = new Map<string, AltSource>();
  const altFields = new Map<string, AltField>();
  for (const row of rows) {
    const numeric = row.fields.filter((f) => f.type === 'float' || f.type === 'int').map((f) => f.name);
    alt.set(row.name, {
      name: row.name,
      lakeDataset: row.dataset.name,
      dataset: row.dataset,
      entityKind: row.entityKind,
      licensed: row.licensed,
      vendor: row.vendor,
      latencySeconds: row.latencySeconds,
      numericFields: numeric,
    });
    const declared = new Set(row.fields.map((f) => f.name));
    const add = (field: string, kind: AltFieldKind, source: string | null) => {
      if (kind !== 'last' && declared.has(field)) return;
      const name = `${row.name}.${field}`;
      // A declared field can also be read as an as-of series on the dataset's own event times.
      fields.set(name, kind === 'last' ? { dataset: row.name, eventTime: true } : { dataset: row.name });
      altFields.set(name, { name, dataset: row.name, kind, source });
    };
    for (const f of numeric) add(f, 'last', f);
    for (const f of numeric) add(`${f}_mean`, 'mean', f);
    add('count', 'count', null);
  }
  return { fields, alt, altFields };
}
