/**
 * The workflow interceptors that trace workflows (bundled into the workflow code when tracing is on):
 * the SDK's OpenTelemetry interceptors, less the spans of queries and update validators. Those two
 * never run again on replay, yet a span drawn there takes ids from the workflow's deterministic
 * random stream: the ids of every later span then differ between the first run and a replay (so
 * an activity started before a worker restart points to a parent that is never exported), and a
 * query's span can take the very id the next workflow span takes.
 */
import type { Next, QueryInput, UpdateInput, WorkflowInboundCallsInterceptor, WorkflowInterceptors } from '@temporalio/workflow';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';

class ReplaySafeInboundInterceptor extends OpenTelemetryInboundInterceptor {
  override handleQuery(input: QueryInput, next: Next<WorkflowInboundCallsInterceptor, 'handleQuery'>): Promise<unknown> {
    return next(input);
  }

  override validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new ReplaySafeInboundInterceptor()],
  outbound: [new OpenTelemetryOutboundInterceptor()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
