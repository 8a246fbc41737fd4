export type LayerSpec = { kind: 'dense'; units: number } | { kind: 'batchnorm' } | { kind: 'dropout'; rate: number };

export interface FreezeSummary {
  trainablePerLayer: number[];
  trainable: number;
  nonTrainable: number;
  total: number;
}

/** Trainable and frozen parameters of a dense stack whose first `frozen` layers are frozen. */
export function freezeSummary(inputDim: number, layers: LayerSpec[], frozen: number): FreezeSummary {
  const trainablePerLayer: number[] = [];
  let trainable = 0;
  let nonTrainable = 0;
  let width = inputDim; // features entering the current layer
  layers.forEach((layer, i) => {
    let learnable = 0; // weights gradient descent could update
    let statistics = 0; // weights that are never trained (BatchNorm's moving mean and variance)
    if (layer.kind === 'dense') {
      learnable = width * layer.units + layer.units;
      width = layer.units;
    } else if (layer.kind === 'batchnorm') {
      learnable = 2 * width; // gamma and beta
      statistics = 2 * width;
    }
    const isFrozen = i < frozen;
    const layerTrainable = isFrozen ? 0 : learnable;
    trainablePerLayer.push(layerTrainable);
    trainable += layerTrainable;
    nonTrainable += learnable + statistics - layerTrainable;
  });
  return { trainablePerLayer, trainable, nonTrainable, total: trainable + nonTrainable };
}
