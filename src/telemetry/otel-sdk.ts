import { diag, DiagConsoleLogger, DiagLogLevel, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import { modelSpans } from './model-spans';
import type { Tracing } from './tracing';
import { TRACING_WORKFLOW_MODULES } from './workflow-modules';

/**
 * The sink workflow spans leave the sandbox through. Sinks are not called during replay, so a
 * workflow replayed on another worker or after eviction exports nothing twice. The SDK's sink copies
 * the whole WorkflowInfo into every span; memo and search attributes may quote the ticket, so only
 * the run's identity goes in.
 */
function workflowSpanSink(processor: SpanProcessor, resource: Resource): InjectedSinks<OpenTelemetrySinks>['exporter'] {
  const sink = makeWorkflowExporter(processor, resource);
  return {
    export: {
      ...sink.export,
      fn: (info, spans) => {
        const { workflowId, runId, workflowType, taskQueue, namespace, attempt } = info;
        return sink.export.fn({ workflowId, runId, workflowType, taskQueue, namespace, attempt } as WorkflowInfo, spans);
      },
    },
  };
}

function undelivered(err: unknown): void {
  diag.error(`spans not delivered: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * Installs OpenTelemetry's Node tracer provider (W3C trace context, async context tracking) with a
 * batching OTLP/HTTP protobuf exporter, and builds the Temporal interceptors around it. Loaded only
 * when tracing is on (see startTracing).
 */
export function installTracing(serviceName: string, url: string): Tracing {
  // OTEL_RESOURCE_ATTRIBUTES adds to the resource; the service name is ours to default.
  const resource = new Resource({ ...Resource.default().attributes, ...envDetectorSync.detect().attributes, 'service.name': serviceName });
  // The exporter reads the other standard variables itself: headers, timeout, compression.
  const processor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  // Spans that cannot be delivered (collector down, wrong endpoint) are said on stderr, not dropped in silence.
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.ERROR);
  const tracer = trace.getTracer('switchboard');
  return {
    serviceName,
    workflowClientInterceptors: [new OpenTelemetryWorkflowClientInterceptor()],
    workerOptions: {
      interceptors: {
        activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
      },
      sinks: { exporter: workflowSpanSink(processor, resource) },
    },
    workflowInterceptorModules: TRACING_WORKFLOW_MODULES,
    modelCalls: modelSpans(tracer),
    inSpan: (name, fn) =>
      tracer.startActiveSpan(name, async (span) => {
        try {
          return await fn();
        } catch (err) {
          // The error's name, not its message: a message may quote what the user typed.
          span.setAttribute('error.type', err instanceof Error ? err.name : typeof err);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw err;
        } finally {
          span.end();
        }
      }),
    // Never fails the command or the worker's exit: undelivered spans are reported, not thrown.
    flush: () => provider.forceFlush().catch(undelivered),
    shutdown: () => provider.shutdown().catch(undelivered),
  };
}
