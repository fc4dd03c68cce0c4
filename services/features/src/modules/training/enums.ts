/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const trainingEnums = {
  TrainingSetStatus: { BUILDING: 'building', READY: 'ready', FAILED: 'failed' },
  TrainingSplit: { TRAIN: 'TRAIN', VALIDATION: 'VALIDATION', TEST: 'TEST', EMBARGO: 'EMBARGO' },
  TrainingSetWarningCode: {
    ALL_NULL_COLUMN: 'ALL_NULL_COLUMN',
    EMPTY_SPLIT: 'EMPTY_SPLIT',
    EMBARGO_SHORTER_THAN_LABEL: 'EMBARGO_SHORTER_THAN_LABEL',
  },
  TrainingSetColumnKind: { KEY: 'key', SPLIT: 'split', FEATURE: 'feature', LABEL: 'label' },
  TrainingSetInputRole: { FEATURE_VIEW: 'feature_view', BARS: 'bars', SPINE: 'spine' },
  TrainingUniverse: { BARS: 'bars', FEATURES: 'features' },
} as const;
