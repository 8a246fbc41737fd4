/** Stratified K-fold assignment: group by class in shuffled order, then deal round-robin. */
export function stratifiedFolds(labels: number[], permutation: number[], k: number): number[] {
  // position of every example in the shuffled order
  const position = new Array<number>(labels.length);
  permutation.forEach((example, pos) => (position[example] = pos));

  // class first, shuffled position second
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]! - labels[b]! || position[a]! - position[b]!);

  const fold = new Array<number>(labels.length);
  order.forEach((example, r) => (fold[example] = r % k)); // one continuous deal across classes
  return fold;
}
