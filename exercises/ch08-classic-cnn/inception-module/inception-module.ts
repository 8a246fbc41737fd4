/**
 * Módulo Inception de GoogLeNet (capítulo 8, §8.4), la versión con reducciones 1×1.
 *
 * Cuatro ramas en paralelo sobre la misma entrada x (H×W×Cin); todas con stride 1 y relleno de
 * ceros 'same' (⌊k/2⌋ píxeles a cada lado), y cada convolución seguida de su sesgo y una ReLU:
 *   rama 1: conv1×1 (b1)
 *   rama 2: conv1×1 (b2reduce) → conv3×3 (b2)
 *   rama 3: conv1×1 (b3reduce) → conv5×5 (b3)
 *   rama 4: max-pool 3×3 con stride 1 ('same': solo cuentan los píxeles que existen) → conv1×1 (b4)
 * La salida concatena los canales de las ramas en ese orden: H×W×(c1 + c3 + c5 + cp).
 * Kernels k×k×Cin×Cout como en conv2d. No modifiques los argumentos.
 */
export interface Conv {
  kernel: number[][][][];
  bias: number[];
}

export interface InceptionParams {
  b1: Conv; // 1×1×Cin×c1
  b2reduce: Conv; // 1×1×Cin×r3
  b2: Conv; // 3×3×r3×c3
  b3reduce: Conv; // 1×1×Cin×r5
  b3: Conv; // 5×5×r5×c5
  b4: Conv; // 1×1×Cin×cp
}

export function inceptionModule(x: number[][][], params: InceptionParams): number[][][] {
  throw new Error('Sin implementar: inceptionModule');
}
