/**
 * Codificación posicional sinusoidal del Transformer (capítulos 10 y 13).
 *
 * length: número de posiciones L (pos = 0, 1, …, L − 1).
 * dModel: dimensión d del embedding (puede ser impar).
 * base:   la constante de la fórmula (por defecto 10000).
 *
 * Devuelve la matriz L×d con
 *   PE[pos][2i]     = sin(pos / base^(2i/d))
 *   PE[pos][2i + 1] = cos(pos / base^(2i/d))
 * Las dos columnas de cada par (2i, 2i + 1) comparten frecuencia. Si d es impar,
 * la última columna (par) solo lleva su seno.
 */
export function sinusoidalPositionalEncoding(length: number, dModel: number, base = 10000): number[][] {
  throw new Error('Sin implementar: sinusoidalPositionalEncoding');
}
