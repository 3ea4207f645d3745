import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { failureTypeOf, type ModelCallObserver } from './model-call';

/**
 * A span for each model call attempt, a child of the activity's span: model, task, tokens, latency,
 * attempt, request id and outcome, in OpenTelemetry's gen_ai names where there is one. Never the
 * prompt, the ticket, the answer or an error's message (a provider's message may quote the request).
 */
export function modelSpans(tracer: Tracer): ModelCallObserver {
  return (labels, call) =>
    tracer.startActiveSpan(
      `chat ${labels.model}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': labels.model,
          'switchboard.model.task': labels.task,
          'switchboard.model.attempt': labels.attempt,
        },
      },
      async (span) => {
        try {
          const response = await call();
          span.setAttributes({
            'gen_ai.response.model': response.model,
            'gen_ai.usage.input_tokens': response.usage.inputTokens,
            'gen_ai.usage.output_tokens': response.usage.outputTokens,
            'switchboard.model.latency_ms': response.latencyMs,
            'switchboard.model.outcome': 'ok',
            ...(response.requestId && { 'switchboard.model.request_id': response.requestId }),
          });
          return response;
        } catch (err) {
          const type = failureTypeOf(err);
          span.setAttributes({ 'switchboard.model.outcome': type, 'error.type': type });
          span.setStatus({ code: SpanStatusCode.ERROR, message: type });
          throw err;
        } finally {
          span.end();
        }
      },
    );
}
