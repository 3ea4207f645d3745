import type { Command } from 'commander';
import { loadSettings } from '../config';
import { keyFingerprint } from '../domain/signatures';
import { generateKeyFiles } from '../signing/key-files';
import { printResult, type OutputOptions } from './output';

interface KeygenOptions extends OutputOptions {
  dir?: string;
}

/** Makes an approver's key pair and says what to do with each half. */
export function keygen(name: string, opts: KeygenOptions): void {
  const dir = opts.dir ?? loadSettings().APPROVER_KEYS_DIR;
  const made = generateKeyFiles(dir, name);
  const fingerprint = keyFingerprint(made.publicKey);
  printResult(opts, { name, ...made, fingerprint }, () => [
    `Made an Ed25519 key pair for ${name} (${fingerprint}):`,
    `  private  ${made.privateFile}  (mode 0600: it signs ${name}'s decisions; keep it to ${name})`,
    `  public   ${made.publicFile}`,
    `New cases pin it while APPROVERS names ${name} and APPROVER_KEYS_DIR is ${dir}; elsewhere, pin it explicitly:`,
    `  APPROVERS=${name}=${made.publicKey}`,
  ]);
}

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description("Make an approver's signing key pair: the private half signs decisions, the public half goes into APPROVERS")
    .argument('<name>', 'the approver, as on APPROVERS')
    .option('--dir <folder>', 'where to write <name>.key and <name>.pub (default APPROVER_KEYS_DIR, .data/keys)')
    .option('--json', 'print one JSON object')
    .action((name: string, opts: KeygenOptions) => keygen(name, opts));
}
