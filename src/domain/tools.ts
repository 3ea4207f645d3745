/**
 * The troubleshooting tools the agent may call. Adding a tool is one entry here: its name and the
 * description the model reads. Tools are simulated: each answers from the scenario's observations.
 */
export const TOOLS = {
  recent_changes: 'Deployments, configuration and infrastructure changes of the last days.',
  logs: 'Recent application logs and error messages of the affected service.',
  status_page: 'Status of the platform and of core services, open incidents.',
  config_check: 'Compares the running configuration and environment variables with what the service expects.',
  metrics: 'Latency, error rate, throughput, CPU and memory graphs summarised for the incident window.',
  dependency_health: 'Health of upstream and downstream dependencies: databases, queues, third-party APIs.',
} as const satisfies Record<string, string>;

export type ToolName = keyof typeof TOOLS;
export const TOOL_NAMES = Object.keys(TOOLS) as ToolName[];

/** What a tool answers when the scenario has nothing for it. */
export const NO_DATA = 'no data';

export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(TOOLS, name);
}
