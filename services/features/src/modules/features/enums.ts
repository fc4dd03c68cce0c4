/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const featureEnums = {
  FeatureStatus: { DRAFT: 'draft', ACTIVE: 'active', DEPRECATED: 'deprecated' },
  FeatureEntity: { INSTRUMENT: 'instrument', MARKET: 'market' },
} as const;
