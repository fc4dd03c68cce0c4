/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const trainingEnums = {
  TrainingSetStatus: { BUILDING: 'building', READY: 'ready', FAILED: 'failed' },
  TrainingSplit: { TRAIN: 'train', VALIDATION: 'validation', TEST: 'test', EMBARGO: 'embargo' },
  TrainingSetColumnKind: { KEY: 'key', SPLIT: 'split', FEATURE: 'feature', LABEL: 'label' },
  TrainingSetInputRole: { FEATURE_VIEW: 'feature_view', BARS: 'bars', SPINE: 'spine' },
  TrainingUniverse: { BARS: 'bars', FEATURES: 'features' },
} as const;
