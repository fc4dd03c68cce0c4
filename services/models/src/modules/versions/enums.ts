/** GraphQL enum names to domain values of versions. */
export const versionEnums = {
  ComplexityTier: { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', VERY_HIGH: 'VERY_HIGH' },
  ModelVersionStatus: { QUEUED: 'queued', TRAINING: 'training', READY: 'ready', FAILED: 'failed' },
  ModelVersionSource: { PLATFORM: 'platform', EXTERNAL: 'external' },
  EvaluationSplit: { TRAIN: 'train', VALIDATION: 'validation', TEST: 'test' },
} as const;
