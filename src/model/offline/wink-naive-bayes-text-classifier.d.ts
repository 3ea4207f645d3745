// The library ships no types; this declares the part of its API the offline classifier uses.
declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    /** With no prep tasks defined, the input is taken as the list of tokens it already is. */
    learn(tokens: readonly string[], label: string): boolean;
    consolidate(): boolean;
    /** log2 odds of each label against the others, best first; [['unknown', 0]] when no token is known. */
    computeOdds(tokens: readonly string[]): Array<[string, number]>;
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
  export = naiveBayesTextClassifier;
}
