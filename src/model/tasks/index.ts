import type { ModelTask } from '../task';
import { classifyTicketTask } from './classify-ticket';
import { decideNextStepTask } from './decide-next-step';

/** Every task by its wire name: the fake OpenAI server answers from here. */
export const MODEL_TASKS: ReadonlyMap<string, ModelTask<never, unknown>> = new Map(
  [classifyTicketTask, decideNextStepTask].map((task) => [task.name, task as ModelTask<never, unknown>]),
);

export { classifyTicketTask, decideNextStepTask };
