/**
 * Bloque «bottleneck» de ResNet (capítulo 8, §8.5), en inferencia.
 *
 *   h = ReLU(BN1(conv1×1(x)))                 Cin → m canales
 *   h = ReLU(BN2(conv3×3(h, stride)))         m → m, 1 píxel de ceros en cada borde
 *   h = BN3(conv1×1(h))                       m → Cout
 *   atajo = x (identidad)  o  BNp(conv1×1(x, stride))  si params.projection existe
 *   y = ReLU(h + atajo)
 *
 * x es H×W×Cin; los kernels son k×k×Cin×Cout (como en conv2d), sin sesgo. Cada BatchNorm usa sus
 * estadísticas guardadas: BN(v) = γ·(v − media)/√(varianza + 1e-5) + β, por canal.
 * La salida es ⌈H/stride⌉×⌈W/stride⌉×Cout. No modifiques los argumentos.
 */
export interface BatchNorm {
  gamma: number[];
  beta: number[];
  mean: number[];
  variance: number[];
}

export interface ConvBN {
  kernel: number[][][][];
  bn: BatchNorm;
}

export interface BottleneckParams {
  conv1: ConvBN; // 1×1×Cin×m
  conv2: ConvBN; // 3×3×m×m
  conv3: ConvBN; // 1×1×m×Cout
  projection?: ConvBN; // 1×1×Cin×Cout; sin ella el atajo es la identidad (Cin = Cout, stride 1)
}

export function bottleneckBlock(x: number[][][], params: BottleneckParams, stride: number): number[][][] {
  throw new Error('Sin implementar: bottleneckBlock');
}
