/** GraphQL enum names to domain values of monitoring. */
export const monitoringEnums = {
  AlertRule: {
    METRIC_DROP: 'metric_drop',
    IC_DROP: 'ic_drop',
    FEATURE_DRIFT: 'feature_drift',
    PREDICTION_DRIFT: 'prediction_drift',
    PREDICTION_VOLUME: 'prediction_volume',
    LOSING_STREAK: 'losing_streak',
    STALE_FEATURES: 'stale_features',
    SCORING_LATENCY: 'scoring_latency',
  },
  AlertSeverity: { INFO: 'info', WARNING: 'warning', CRITICAL: 'critical' },
} as const;
