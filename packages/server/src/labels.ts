/** How many distinct values a metric label keeps before it folds the rest into `other`. */
export const DEFAULT_MAX_LABEL_VALUES = 200;

/**
 * A label whose values a caller chooses (an operation name) caps its distinct values: the first
 * `max` seen are kept, every later new one becomes `other`. Each distinct label value is a time
 * series a metrics registry holds for the life of the process, so without a cap a client that
 * sends a new operation name each time grows the process's memory without end.
 */
export function boundedLabels(options: { max?: number; other?: string } = {}): (value: string) => string {
  const { max = DEFAULT_MAX_LABEL_VALUES, other = 'other' } = options;
  if (!Number.isInteger(max) || max < 0) throw new Error(`boundedLabels: max must be a whole number ≥ 0, not ${max}`);
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return other;
    seen.add(value);
    return value;
  };
}
