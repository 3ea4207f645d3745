import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActionName } from '../domain/actions';
import type { AgentDecision, DecisionInput } from '../domain/agent';
import { FailureType } from '../domain/failures';
import { observe } from '../domain/scenario';
import type { Scenario } from '../domain/scenario.schema';
import type { Priority, TicketCategory } from '../domain/ticket';
import type { Classification } from '../domain/ticket.schema';
import type { ToolName } from '../domain/tools';
import { NO_USAGE, type ModelCall } from '../domain/usage';
import { DEFAULT_PRICES } from '../model/prices';
import type { ModelProvider } from '../model/provider';
import type { ModelTask } from '../model/task';
import { classifyTicketTask, decideNextStepTask } from '../model/tasks';
import type { ModelCallObserver } from '../telemetry/model-call';
import { modelMetrics } from '../telemetry/model-metrics';
import type { Outbox, OutboxReceipt } from './outbox';
import { toModelFailure } from './model-failure';

export interface ActivityDeps {
  provider: ModelProvider;
  outbox: Outbox;
  /** Watches every model call: default, the model metrics priced from DEFAULT_PRICES. */
  observeModelCall?: ModelCallObserver;
}

/** A routed ticket as its team's queue receives it. */
export interface Delivery {
  /** Idempotency key: one delivery per key, however often it is attempted. */
  key: string;
  team: string;
  ticketId: string;
  category: TicketCategory;
  priority: Priority;
  needsReview: boolean;
  summary: string;
}

/** Runs one model task inside an activity: observed, the attempt number rides along, failures become typed. */
async function callModel<I, O>(provider: ModelProvider, observe: ModelCallObserver, task: ModelTask<I, O>, input: I): Promise<ModelCall<O>> {
  const context = Context.current();
  const { attempt } = context.info;
  // Heartbeats while the call is out: a worker that dies mid-call is noticed within the heartbeat
  // timeout, not the whole start-to-close timeout, and the call is retried elsewhere.
  const beat = setInterval(() => context.heartbeat(), 1_000);
  try {
    const response = await observe({ task: task.name, model: provider.model, attempt }, () => provider.run(task, input));
    return { ...response, attempt };
  } catch (err) {
    throw toModelFailure(err, attempt);
  } finally {
    clearInterval(beat);
  }
}

/**
 * The activities, built from their dependencies so tests hand in a fake server's URL or a temp
 * folder instead of mocking anything.
 */
export function createActivities({ provider, outbox, observeModelCall = modelMetrics(DEFAULT_PRICES) }: ActivityDeps) {
  return {
    /** Asks the model for a category, priority, confidence and reason. */
    async classifyTicket(input: { text: string }): Promise<ModelCall<Classification>> {
      return callModel(provider, observeModelCall, classifyTicketTask, input);
    },

    /**
     * Asks the model for the agent's next step. An answer that does not parse is returned as
     * output null with the reason: the workflow records it as a rejected decision the model can
     * recover from. Transport and provider errors throw, for Temporal to retry.
     */
    async decideNextStep(input: DecisionInput): Promise<ModelCall<AgentDecision | null> & { invalidOutput?: string }> {
      try {
        return await callModel(provider, observeModelCall, decideNextStepTask, input);
      } catch (err) {
        const cause = err instanceof ApplicationFailure ? err : undefined;
        if (cause?.type !== FailureType.ModelOutputInvalid) throw err;
        return {
          output: null,
          invalidOutput: cause.message,
          model: provider.model,
          usage: { ...NO_USAGE, calls: 1 },
          latencyMs: 0,
          requestId: null,
          attempt: Context.current().info.attempt,
        };
      }
    },

    /** Runs one (simulated) diagnostic tool against the scenario. */
    async runTool(input: { tool: ToolName; scenario: Pick<Scenario, 'observations'> }): Promise<string> {
      return observe(input.scenario, input.tool);
    },

    /** Runs an approved remediation action (simulated); once per case and action, however often retried. */
    async executeAction(input: { caseId: string; action: ActionName; target?: string; recommendation: string; approvedBy: string }): Promise<OutboxReceipt> {
      const { caseId, action, ...record } = input;
      return outbox.put('actions', `${caseId}:${action}`, { caseId, action, ...record });
    },

    /**
     * Tells the customer about their case (simulated): that a fix waits for approval, or how it ended;
     * once per case and purpose. No purpose means the ending (what runs started before `waiting` send).
     */
    async notifyCustomer(input: { caseId: string; customer?: string; message: string; purpose?: 'waiting' | 'closed' }): Promise<OutboxReceipt> {
      const { purpose = 'closed', ...record } = input;
      return outbox.put('notifications', `${input.caseId}:${purpose}`, { ...record, purpose });
    },

    /** Puts a routed ticket in its team's queue; idempotent per delivery key. */
    async deliverToTeam(delivery: Delivery): Promise<OutboxReceipt> {
      const { key, ...record } = delivery;
      return outbox.put('deliveries', key, record);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
