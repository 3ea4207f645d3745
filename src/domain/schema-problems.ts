import type { ZodError } from 'zod';

/** One line per problem in a value a schema refused, each led by its field path (or `root`). */
export function schemaProblems(error: ZodError, root = '(top level)'): string[] {
  return error.issues.map((i) => `${i.path.join('.') || root}: ${i.message}`);
}
