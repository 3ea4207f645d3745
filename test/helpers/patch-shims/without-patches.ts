// @temporalio/workflow as if each change had shipped without its patch: the new code runs
// unconditionally, also when replaying a run that began before the change.
export * from '@temporalio/workflow/lib/index';

export function patched(_patchId: string): boolean {
  return true;
}
