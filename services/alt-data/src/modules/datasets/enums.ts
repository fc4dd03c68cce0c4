/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const datasetEnums = {
  DatasetEntityKind: { INSTRUMENT: 'instrument', MARKET: 'market' },
  DatasetFieldType: { FLOAT: 'float', INT: 'int', STRING: 'string', BOOLEAN: 'boolean' },
} as const;
