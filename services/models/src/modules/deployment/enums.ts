/** GraphQL enum names to domain values of deployment stages. */
export const deploymentEnums = {
  ModelStage: {
    REGISTERED: 'registered',
    VALIDATED: 'validated',
    PAPER: 'paper',
    CANARY: 'canary',
    PRODUCTION: 'production',
    RETIRED: 'retired',
    REJECTED: 'rejected',
  },
  PromotionTarget: { PAPER: 'paper', CANARY: 'canary', PRODUCTION: 'production', RETIRED: 'retired' },
} as const;
