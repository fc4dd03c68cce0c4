/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const datasetEnums = {
  DatasetEntityKind: { INSTRUMENT: 'instrument', MARKET: 'market', KEY: 'key' },
  EventTimeKind: { POINT: 'point', PERIOD: 'period' },
  ObservationRule: {
    INVALID_ENTITY: 'invalid_entity',
    WRONG_TYPE: 'wrong_type',
    MISSING_VALUE: 'missing_value',
    OUT_OF_RANGE: 'out_of_range',
    AVAILABLE_BEFORE_EVENT: 'available_before_event',
    FUTURE_EVENT: 'future_event',
    DUPLICATE: 'duplicate',
  },
  ObservationRuleAction: { REJECT: 'reject', QUARANTINE: 'quarantine', FIX: 'fix', WARN: 'warn' },
  DatasetFieldType: { FLOAT: 'float', INT: 'int', STRING: 'string', BOOLEAN: 'boolean' },
} as const;
