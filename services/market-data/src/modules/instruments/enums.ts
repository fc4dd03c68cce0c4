/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const instrumentEnums = {
  AssetClass: {
    EQUITY: 'equity',
    ETF: 'etf',
    INDEX: 'index',
    FX: 'fx',
    CRYPTO: 'crypto',
    COMMODITY: 'commodity',
  },
} as const;
