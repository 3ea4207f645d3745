import { WorkflowMetric } from '../workflows/metrics';
import { MODEL_METRIC_BUCKETS } from './model-metrics';

/** Histogram buckets for the project's metrics (the runtime's defaults suit neither dollars nor steps). */
export const METRIC_BUCKETS: Record<string, number[]> = {
  ...MODEL_METRIC_BUCKETS,
  [WorkflowMetric.agentSteps.name]: [1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50],
};
