import { Context, type Context as ActivityContext } from '@temporalio/activity';
import { costUsd, findPrice, type PriceTable } from '../model/prices';
import { failureTypeOf, type ModelCallObserver } from './model-call';

/**
 * The model metrics, as Prometheus shows them. Counters carry their `_total` here because the
 * runtime's exporter adds no suffix. Labels are bounded sets: model, task, kind, failure type.
 */
export const ModelMetric = {
  tokens: {
    name: 'switchboard_model_tokens_total',
    unit: 'tokens',
    help: 'Tokens spent on model calls, by model, task and kind (input or output); failed attempts that report no usage add none',
  },
  cost: {
    name: 'switchboard_model_cost_usd',
    unit: 'USD',
    help: 'Estimated cost of each model call from the price table (MODEL_PRICES_FILE over the defaults); _sum is the spend',
  },
  latency: { name: 'switchboard_model_latency_ms', unit: 'ms', help: 'Time of each model call attempt, by model, task and outcome (ok or the failure type)' },
  failures: { name: 'switchboard_model_failures_total', unit: 'calls', help: 'Model call attempts that failed, by model, task and failure type' },
} as const;

/** Histogram buckets for the runtime's Prometheus exporter: dollars and milliseconds need their own. */
export const MODEL_METRIC_BUCKETS: Record<string, number[]> = {
  [ModelMetric.cost.name]: [0.00001, 0.0001, 0.001, 0.01, 0.1, 1],
  [ModelMetric.latency.name]: [50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000],
};

/**
 * Records every model call attempt on the activity's metric meter (Prometheus at METRICS_BIND; a
 * no-op without it). Activities run once per attempt and are never replayed, so nothing doubles.
 */
export function modelMetrics(prices: PriceTable): ModelCallObserver {
  const unpriced = new Set<string>();
  return async (labels, call) => {
    const context = Context.current();
    const meter = context.metricMeter;
    const started = Date.now();
    const latency = () => meter.createHistogram(ModelMetric.latency.name, 'int', ModelMetric.latency.unit, ModelMetric.latency.help);
    try {
      const response = await call();
      const tags = { model: response.model, task: labels.task };
      latency().record(Date.now() - started, { ...tags, outcome: 'ok' });
      const tokens = meter.createCounter(ModelMetric.tokens.name, ModelMetric.tokens.unit, ModelMetric.tokens.help);
      tokens.add(response.usage.inputTokens, { ...tags, kind: 'input' });
      tokens.add(response.usage.outputTokens, { ...tags, kind: 'output' });
      const price = findPrice(prices, response.model);
      if (price)
        meter
          .createHistogram(ModelMetric.cost.name, 'float', ModelMetric.cost.unit, ModelMetric.cost.help)
          .record(costUsd(response.usage, price), { model: response.model });
      else warnUnpriced(context, unpriced, response.model);
      return response;
    } catch (err) {
      const type = failureTypeOf(err);
      const tags = { model: labels.model, task: labels.task };
      latency().record(Date.now() - started, { ...tags, outcome: type });
      meter.createCounter(ModelMetric.failures.name, ModelMetric.failures.unit, ModelMetric.failures.help).add(1, { ...tags, type });
      throw err;
    }
  };
}

// An unknown model gets no cost rather than a made-up one; said once per model and process.
function warnUnpriced(context: ActivityContext, unpriced: Set<string>, model: string): void {
  if (unpriced.has(model)) return;
  unpriced.add(model);
  context.log.warn(`no price for model "${model}": its calls get no cost metric; add it to MODEL_PRICES_FILE`);
}
