/** Las capas de un modelo secuencial de Keras, descritas como datos. */
export type LayerSpec =
  | { type: 'dense'; units: number; useBias?: boolean }
  | { type: 'conv2d'; filters: number; kernelSize: number; strides?: number; padding?: 'valid' | 'same'; useBias?: boolean }
  | { type: 'maxPooling2d'; poolSize: number; strides?: number }
  | { type: 'batchNormalization' }
  | { type: 'flatten' }
  | { type: 'dropout'; rate: number };

export interface LayerSummary {
  /** forma de la salida SIN la dimensión del lote */
  outputShape: number[];
  /** parámetros de la capa (entrenables y no entrenables) */
  params: number;
  /** de ellos, los entrenables */
  trainable: number;
}

export interface ModelSummary {
  layers: LayerSummary[];
  total: number;
  trainable: number;
  nonTrainable: number;
}

/** One layer: its output shape and its parameter counts, from the shape that comes in. */
function describe(shape: number[], layer: LayerSpec): LayerSummary {
  const last = shape[shape.length - 1]!;
  switch (layer.type) {
    case 'dense': {
      const bias = layer.useBias === false ? 0 : layer.units;
      const params = last * layer.units + bias;
      return { outputShape: [...shape.slice(0, -1), layer.units], params, trainable: params };
    }
    case 'conv2d': {
      const [h, w, c] = shape as [number, number, number];
      const k = layer.kernelSize;
      const s = layer.strides ?? 1;
      const out = (n: number) => (layer.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
      const params = k * k * c * layer.filters + (layer.useBias === false ? 0 : layer.filters);
      return { outputShape: [out(h), out(w), layer.filters], params, trainable: params };
    }
    case 'maxPooling2d': {
      const [h, w, c] = shape as [number, number, number];
      const p = layer.poolSize;
      const s = layer.strides ?? p;
      const out = (n: number) => Math.floor((n - p) / s) + 1;
      return { outputShape: [out(h), out(w), c], params: 0, trainable: 0 };
    }
    case 'batchNormalization':
      // gamma and beta are learned; the moving mean and variance are not
      return { outputShape: [...shape], params: 4 * last, trainable: 2 * last };
    case 'flatten':
      return { outputShape: [shape.reduce((a, b) => a * b, 1)], params: 0, trainable: 0 };
    case 'dropout':
      return { outputShape: [...shape], params: 0, trainable: 0 };
  }
}

export function summarize(inputShape: number[], layers: LayerSpec[]): ModelSummary {
  const summaries: LayerSummary[] = [];
  let shape = inputShape;
  for (const layer of layers) {
    const summary = describe(shape, layer);
    summaries.push(summary);
    shape = summary.outputShape;
  }
  const total = summaries.reduce((sum, l) => sum + l.params, 0);
  const trainable = summaries.reduce((sum, l) => sum + l.trainable, 0);
  return { layers: summaries, total, trainable, nonTrainable: total - trainable };
}
