/** Una capa densa (inputs → outputs) o una convolución 2D sobre una imagen height×width×channels. */
export type Layer =
  | { kind: 'dense'; inputs: number; outputs: number }
  | { kind: 'conv2d'; height: number; width: number; channels: number; filters: number; kernel: number; stride: number; padding: 'valid' | 'same' };

/** Un entrenamiento: modelo, datos y hardware. */
export interface TrainingJob {
  /** N, número de parámetros */
  params: number;
  /** D, número de tokens (o ejemplos) de entrenamiento */
  tokens: number;
  /** número de GPUs que entrenan en paralelo */
  gpus: number;
  /** rendimiento pico de UNA GPU, en FLOP/s */
  peakFlops: number;
  /** fracción del pico que se consigue de verdad, en (0, 1] */
  utilisation: number;
  /** potencia media de UNA GPU, en vatios */
  powerWatts: number;
  /** PUE del centro de datos (≥ 1) */
  pue: number;
  /** intensidad de carbono de la red eléctrica, en kg CO₂e por kWh */
  carbonIntensity: number;
}

export interface Footprint {
  flops: number;
  gpuHours: number;
  days: number;
  energyKWh: number;
  co2Kg: number;
}

/**
 * FLOPs de la pasada hacia delante de UN ejemplo por una capa (capítulo 31).
 * Cuenta 2 FLOPs por multiplicación-acumulación e ignora sesgos y activaciones.
 * Convolución: salida ⌈H/s⌉ con padding 'same' y ⌊(H − k)/s⌋ + 1 con 'valid' (igual para el ancho);
 * kernel k×k, `filters` filtros.
 */
export function layerFlops(layer: Layer): number {
  throw new Error('Sin implementar: layerFlops');
}

/**
 * Coste de un entrenamiento (capítulo 31): FLOPs ≈ 6·N·D; horas-GPU = FLOPs / (pico · utilización) / 3600;
 * días de reloj = horas-GPU / gpus / 24; energía (kWh) = horas-GPU · potencia (kW) · PUE;
 * CO₂e (kg) = energía · intensidad de carbono.
 */
export function trainingFootprint(job: TrainingJob): Footprint {
  throw new Error('Sin implementar: trainingFootprint');
}
