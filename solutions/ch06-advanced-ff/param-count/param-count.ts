/** Parameter counts of dense, residual and DenseNet-style feed-forward networks. */

/** A dense layer n_in → n_out has an n_in×n_out weight matrix and n_out biases. */
function denseParams(nIn: number, nOut: number): number {
  return nIn * nOut + nOut;
}

export function mlpParams(sizes: number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += denseParams(sizes[l - 1]!, sizes[l]!);
  return total;
}

export function residualMlpParams(inputDim: number, width: number, hidden: number, blocks: number, outputDim: number): number {
  const stem = denseParams(inputDim, width);
  // the identity shortcut has no parameters: only the two layers of the branch count
  const block = denseParams(width, hidden) + denseParams(hidden, width);
  const head = denseParams(width, outputDim);
  return stem + blocks * block + head;
}

export function denseBlock(inputDim: number, growth: number, layers: number): { params: number; outputDim: number } {
  let params = 0;
  let features = inputDim; // width of the concatenation seen by the next layer
  for (let l = 0; l < layers; l++) {
    params += denseParams(features, growth);
    features += growth;
  }
  return { params, outputDim: features };
}
