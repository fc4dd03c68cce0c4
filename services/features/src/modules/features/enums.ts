/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const featureEnums = {
  FeatureStatus: { DRAFT: 'draft', ACTIVE: 'active', DEPRECATED: 'deprecated' },
  FeatureEntity: { INSTRUMENT: 'instrument', MARKET: 'market' },
  /** The dsl's operator kinds (`OperatorEntry.kind`). */
  FeatureOperatorKind: {
    ROLLING: 'rolling',
    ELEMENTWISE: 'elementwise',
    CROSS_SECTIONAL: 'cross-sectional',
    INFIX: 'infix',
  },
} as const;
