/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const barEnums = {
  BarInterval: { DAY: '1d', HOUR: '1h' },
  ResamplePeriod: { DAY: 'day', WEEK: 'week', MONTH: 'month' },
  PriceAdjustment: { NONE: 'none', TOTAL_RETURN: 'total_return' },
  ReturnKind: { SIMPLE: 'simple', LOG: 'log' },
} as const;
