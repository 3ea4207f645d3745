import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

const toolsImport = { group: ['**/tools/**'], message: 'src/ is the product: it must not import from tools/.' };
// src/cli is commander wiring over src/clients: the rest of the product and the tools use the library.
const cliImport = { group: ['**/cli', '**/cli/*'], message: 'Import the client library (src/clients), not the CLI.' };

// Every module a workflow imports is evaluated again for each new workflow: zod (25-30 % of the
// worker's CPU a workflow when it was there) stays at the edges; workflows import schema types only.
const schemaImports = [
  { group: ['zod', 'zod/*'], allowTypeImports: true, message: 'No zod in workflow or pure domain code: validate at the edges (client, activities).' },
  { group: ['**/*.schema'], allowTypeImports: true, message: 'Import schema types only (import type): schemas are for the edges.' },
];

// Workflow types, signals, queries and updates are named once, in src/workflows/*/contract.ts and
// the workflow functions themselves: everything else refers to them, never to their names.
const MESSAGE_CALLS = '/^(signal|query|executeUpdate|startUpdate|signalWithStart|executeWithStartUpdate|startWithStartUpdate)$/';
const namedByContract = [
  {
    selector: 'CallExpression[callee.name=/^define(Signal|Query|Update)$/]',
    message: "Define signals, queries and updates in the workflow's contract module.",
  },
  {
    selector: `CallExpression[callee.property.name=${MESSAGE_CALLS}] > Literal.arguments:first-child`,
    message: 'Send messages by their definition from the contract, not by name.',
  },
  {
    selector:
      "CallExpression[callee.object.property.name='workflow'][callee.property.name=/^(start|execute|signalWithStart)$/] > Literal.arguments:first-child",
    message: 'Start workflows by reference (import them from src/workflows), not by name.',
  },
  {
    selector: 'CallExpression[callee.name=/^(executeChild|startChild)$/] > Literal.arguments:first-child',
    message: 'Start child workflows by reference, not by name.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'lib/**', '.temporal/**', '.data/**', 'artifacts/**', 'coverage/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A forgotten await on an activity or a signal is a bug, not a style choice.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...namedByContract],
    },
  },
  { files: ['src/workflows/*/contract.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // The product never depends on its tooling (eval, bench, chaos, fake model, dev servers).
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [toolsImport, cliImport] }] },
  },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [toolsImport] }] } },
  { files: ['tools/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [cliImport] }] } },
  {
    files: ['src/workflows/**/*.ts', 'src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.schema.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'Workflow and domain code must be deterministic: no Node built-ins.' })),
            { name: 'openai', message: 'Model calls belong in activities.' },
            { name: '@temporalio/client', message: 'Workflows do not use the client.' },
            { name: '@temporalio/worker', message: 'Workflows do not use the worker.' },
            { name: '@temporalio/activity', message: 'Workflows do not import activity code.' },
          ],
          patterns: [
            toolsImport,
            ...schemaImports,
            { group: ['**/activities', '**/activities/*'], allowTypeImports: true, message: 'Import activity types only (import type).' },
            { group: ['**/model/*', '**/model'], message: 'Model providers run in activities, not in workflows.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'fetch', message: 'No I/O in workflows: call an activity.' },
        { name: 'process', message: 'No environment in workflows: pass settings in the input.' },
      ],
    },
  },
);
