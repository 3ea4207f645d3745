import { InvalidArgumentError } from 'commander';

/** A commander parser for a whole-number flag of at least `min`; a bad value is bad usage that says so. */
export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be a whole number ≥ ${min}`);
    return n;
  };
}
