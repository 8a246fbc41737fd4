export type Layer =
  | { kind: 'dense'; inputs: number; outputs: number }
  | { kind: 'conv2d'; height: number; width: number; channels: number; filters: number; kernel: number; stride: number; padding: 'valid' | 'same' };

export interface TrainingJob {
  params: number;
  tokens: number;
  gpus: number;
  peakFlops: number;
  utilisation: number;
  powerWatts: number;
  pue: number;
  carbonIntensity: number;
}

export interface Footprint {
  flops: number;
  gpuHours: number;
  days: number;
  energyKWh: number;
  co2Kg: number;
}

/** Output length of a convolution along one axis. */
function outputSize(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

/** Forward FLOPs of one example through a layer: 2 per multiply-accumulate, biases ignored. */
export function layerFlops(layer: Layer): number {
  if (layer.kind === 'dense') return 2 * layer.inputs * layer.outputs;
  const outH = outputSize(layer.height, layer.kernel, layer.stride, layer.padding);
  const outW = outputSize(layer.width, layer.kernel, layer.stride, layer.padding);
  const macsPerOutput = layer.kernel * layer.kernel * layer.channels; // one filter over a k×k×C window
  return 2 * outH * outW * layer.filters * macsPerOutput;
}

/** Training cost with the 6·N·D rule, and its time, energy and carbon. */
export function trainingFootprint(job: TrainingJob): Footprint {
  const flops = 6 * job.params * job.tokens;
  const gpuHours = flops / (job.peakFlops * job.utilisation) / 3600;
  const days = gpuHours / job.gpus / 24;
  const energyKWh = gpuHours * (job.powerWatts / 1000) * job.pue;
  const co2Kg = energyKWh * job.carbonIntensity;
  return { flops, gpuHours, days, energyKWh, co2Kg };
}
