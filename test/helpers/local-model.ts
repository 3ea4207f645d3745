import { findLocalModel, type LocalModelFiles } from '../../tools/local-model/server';

// A real model behind the OpenAI-compatible path: scripts/local-model.sh installs it (.ci/run does).
const found = findLocalModel();
const missing = 'missing' in found ? found.missing : undefined;
if (missing && process.env.CI) throw new Error(`CI needs the local model: .ci/run installs it with bash scripts/local-model.sh (${missing})`);

/** `describe` when llama-cpp-python's server and SmolLM2 are installed, else a skip with the reason printed (CI fails instead, above). */
export function describeWithLocalModel(name: string, fn: (files: LocalModelFiles) => void): void {
  if (!missing) return describe(name, () => fn(found as LocalModelFiles));
  console.warn(`local-model test not run: ${missing}`);
  describe.skip(name, () => fn({ python: '', gguf: '' }));
}
