/** Orders batch-loaded rows to match DataLoader keys: one row (or null) per key. */
export function oneByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (v: V) => K): (V | null)[] {
  const index = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => index.get(k) ?? null);
}

/** Groups batch-loaded rows by DataLoader key: a list (possibly empty) per key. */
export function manyByKey<K, R, V = R>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (r: R) => K,
  valueFrom: (r: R) => V = (r) => r as unknown as V,
): V[][] {
  const index = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = index.get(k);
    if (list) list.push(valueFrom(r));
    else index.set(k, [valueFrom(r)]);
  }
  return keys.map((k) => index.get(k) ?? []);
}
