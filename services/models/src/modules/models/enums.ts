/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const modelEnums = {
  ModelTask: { CLASSIFICATION: 'classification', REGRESSION: 'regression' },
  ModelObjective: { ALPHA: 'alpha', EXECUTION: 'execution', RISK: 'risk' },
  ComparisonOp: { GTE: 'gte', LTE: 'lte' },
} as const;
