/**
 * How a Chat Completions request puts the task's JSON schema in `response_format`: `json_schema` is
 * OpenAI's (also vLLM's, Ollama's, LM Studio's); `json_object_schema` is llama.cpp's server's
 * `{type: "json_object", schema}`, which refuses the standard form.
 */
export const STRUCTURED_OUTPUT_DIALECTS = ['json_schema', 'json_object_schema'] as const;
export type StructuredOutputDialect = (typeof STRUCTURED_OUTPUT_DIALECTS)[number];
