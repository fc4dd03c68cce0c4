/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const corporateActionEnums = {
  CorporateActionKind: { SPLIT: 'split', DIVIDEND: 'dividend' },
} as const;
