import * as tf from '@tensorflow/tfjs';

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

/** Forward FLOPs of one layer (2 per multiply-accumulate) as a product of tfjs scalars. */
export function layerFlops(layer: Layer): number {
  return tf.tidy(() => {
    if (layer.kind === 'dense') return tf.prod(tf.tensor1d([2, layer.inputs, layer.outputs])).dataSync()[0]!;
    // output size per spatial axis: ⌈H/s⌉ for 'same', ⌊(H − k)/s⌋ + 1 for 'valid'
    const size = tf.tensor1d([layer.height, layer.width]);
    const out =
      layer.padding === 'same'
        ? tf.ceil(tf.div(size, layer.stride))
        : tf.add(tf.floor(tf.div(tf.sub(size, layer.kernel), layer.stride)), 1);
    const perPosition = tf.prod(tf.tensor1d([2, layer.kernel, layer.kernel, layer.channels, layer.filters]));
    return tf.mul(tf.prod(out), perPosition).dataSync()[0]!;
  });
}

/** 6·N·D training FLOPs and what they cost in time, energy and CO₂e, as tfjs arithmetic. */
export function trainingFootprint(job: TrainingJob): Footprint {
  return tf.tidy(() => {
    const flops = tf.prod(tf.tensor1d([6, job.params, job.tokens]));
    const gpuSeconds = tf.div(flops, tf.mul(job.peakFlops, job.utilisation));
    const gpuHours = tf.div(gpuSeconds, 3600);
    const days = tf.div(gpuHours, tf.mul(job.gpus, 24));
    const energyKWh = tf.prod(tf.stack([gpuHours, tf.scalar(job.powerWatts / 1000), tf.scalar(job.pue)]));
    const co2Kg = tf.mul(energyKWh, job.carbonIntensity);
    const [f, h, d, e, c] = [flops, gpuHours, days, energyKWh, co2Kg].map((t) => t.dataSync()[0]!);
    return { flops: f!, gpuHours: h!, days: d!, energyKWh: e!, co2Kg: c! };
  });
}
