/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const modelEnums = {
  ModelTask: { CLASSIFICATION: 'classification', REGRESSION: 'regression' },
} as const;
