import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Command } from 'commander';
import { loadSettings } from '../config';
import { needsSignature, readDecision, type DecisionKind, type PersonDecision } from '../domain/case';
import { durationMs } from '../domain/durations';
import { MAX_SIGNATURE_LIFETIME_MS } from '../domain/signatures';
import { keyFiles, readSigningKey } from '../signing/key-files';
import { DEFAULT_SIGNATURE_VALIDITY_MS } from '../signing/sign-decision';
import { supportCaseStatusQuery } from '../workflows/support-case/contract';
import { withClient } from '../clients/context';
import { CommandFailure, UsageError } from '../clients/errors';
import { caseHandle, decisionPayload, updateDecision, type Signing } from '../clients/support-case';
import { describeCase } from './case';
import { printResult, type OutputOptions } from './output';

export interface DecideOptions extends OutputOptions {
  by: string;
  comment?: string;
  reason?: string;
  team?: string;
  /** The private key file to sign with. */
  key?: string;
  validFor?: string;
  /** Print the signed message for the Temporal UI or `temporal workflow signal` instead of sending it. */
  print?: boolean;
}

// After an accepted decision the case runs its last steps (the action, the notification); wait this long to show it closed.
const CLOSE_WAIT_MS = 15_000;

/** The decision as the case will read it (trimmed), or bad usage before anything is contacted. */
function decisionFrom(kind: DecisionKind, { by, comment, reason, team }: DecideOptions): PersonDecision {
  const read = readDecision(kind, { by, comment, reason, team });
  if ('problem' in read) throw new UsageError(`${kind}: ${read.problem}`);
  return read.decision;
}

/**
 * The key to sign with: --key, else APPROVER_KEY_FILE, else APPROVER_KEYS_DIR/<by>.key. Required
 * where the case requires a signature; an escalation to on-call (which anyone may send) is signed
 * only with a key named explicitly, since a signed decision is judged by its signature.
 */
function signingFor(decision: PersonDecision, opts: DecideOptions): Signing | undefined {
  const settings = loadSettings();
  const named = opts.key ?? settings.APPROVER_KEY_FILE;
  if (!needsSignature(decision) && !named) return undefined;
  const file = named ?? keyFiles(settings.APPROVER_KEYS_DIR, decision.by).privateFile;
  const validForMs = opts.validFor === undefined ? DEFAULT_SIGNATURE_VALIDITY_MS : durationMs(opts.validFor);
  if (validForMs === undefined || validForMs > MAX_SIGNATURE_LIFETIME_MS)
    throw new UsageError(`--valid-for must be a duration up to 24h, such as 15m, got ${opts.validFor}`);
  return { key: readSigningKey(file), validForMs };
}

/**
 * Sends a person's decision, signed with their key, as an update and reports what the case
 * answered: accepted, refused (and why: a key it did not pin, other evidence, nothing waiting) or
 * too late. The case itself decides who may decide; the client only signs and carries the request.
 */
export async function decide(kind: DecisionKind, caseId: string, opts: DecideOptions): Promise<void> {
  const decision = decisionFrom(kind, opts);
  const signing = signingFor(decision, opts);
  await withClient(async (ctx) => {
    const { handle, running } = await caseHandle(ctx, caseId);
    const uiUrl = ctx.uiUrl(caseId);
    if (!running) {
      const r = (await handle.query(supportCaseStatusQuery).catch(() => undefined))?.result;
      throw new CommandFailure(`case ${caseId} is already closed (${r ? `${r.decision} by ${r.decidedBy}` : 'not running'}): your ${kind} changed nothing`, {
        workflowId: caseId,
        result: r,
      });
    }
    if (opts.print) return printSignal(kind, caseId, await decisionPayload(handle, decision, signing), opts);
    const record = await updateDecision(handle, decision, signing).catch((err: unknown) => {
      if (err instanceof WorkflowUpdateFailedError)
        throw new CommandFailure(`your ${kind} was refused: ${err.cause?.message ?? err.message}`, { workflowId: caseId, uiUrl });
      throw err;
    });
    if (record.result !== 'accepted')
      throw new CommandFailure(`your ${kind} was ${record.result}: ${record.why}`, { workflowId: caseId, uiUrl, decision: record });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([handle.result().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
    const status = await handle.query(supportCaseStatusQuery);
    const signed = record.key ? ` (signed with ${record.key}, ${signing?.key.file})` : '';
    printResult(opts, { workflowId: caseId, uiUrl, decision: record, status }, () => [
      `Your ${kind} was accepted${signed}.`,
      ...describeCase(caseId, status),
      `UI: ${uiUrl}`,
    ]);
  });
}

/** The signed message, for the Temporal UI's signal dialog or the temporal CLI: it holds until its expiry. */
function printSignal(kind: DecisionKind, caseId: string, input: object, opts: OutputOptions): void {
  const json = JSON.stringify(input);
  printResult(opts, { workflowId: caseId, signal: kind, input }, () => [
    `Signed ${kind} for ${caseId}, valid until ${'signature' in input ? (input.signature as { expiresAt: string }).expiresAt : '(unsigned)'}.`,
    `Send it as the "${kind}" signal from the Temporal UI, or:`,
    `  temporal workflow signal --workflow-id ${caseId} --name ${kind} --input '${json}'`,
    json,
  ]);
}

export function registerDecisions(program: Command): void {
  const signingOptions = (cmd: Command) =>
    cmd
      .option('--key <file>', 'private key to sign with (default: APPROVER_KEY_FILE, else APPROVER_KEYS_DIR/<by>.key)')
      .option('--valid-for <duration>', 'how long the signature holds (default 15m, at most 24h)')
      .option('--print', 'print the signed decision for the Temporal UI or `temporal workflow signal` instead of sending it')
      .option('--json', 'print one JSON object');
  signingOptions(
    program
      .command('approve')
      .description('Approve the action a case waits on, signed with your key (only approvers whose key the case pinned may)')
      .argument('<caseId>', 'the case workflow id')
      .requiredOption('--by <name>', 'who approves')
      .option('--comment <text>', 'why, for the audit trail'),
  ).action((caseId: string, opts: DecideOptions) => decide('approve', caseId, opts));
  signingOptions(
    program
      .command('reject')
      .description('Reject the action a case waits on, signed with your key; nothing is executed (only approvers may)')
      .argument('<caseId>', 'the case workflow id')
      .requiredOption('--by <name>', 'who rejects')
      .requiredOption('--reason <text>', 'why'),
  ).action((caseId: string, opts: DecideOptions) => decide('reject', caseId, opts));
  signingOptions(
    program
      .command('escalate')
      .description('Hand a waiting case to on-call (anyone may), or to a named team (signed by an approver)')
      .argument('<caseId>', 'the case workflow id')
      .requiredOption('--by <name>', 'who escalates')
      .requiredOption('--reason <text>', 'why')
      .option('--team <name>', 'which team (default On-call Engineering; naming one needs a signature)'),
  ).action((caseId: string, opts: DecideOptions) => decide('escalate', caseId, opts));
}
