/** A fresh row per label, with a single 1 at the label's column. */
export function oneHot(labels: number[], numClasses: number): number[][] {
  return labels.map((label) => {
    const row = new Array<number>(numClasses).fill(0);
    row[label] = 1;
    return row;
  });
}

/** [z_i, one-hot(y_i)] for every example. */
export function generatorInput(z: number[][], labels: number[], numClasses: number): number[][] {
  const codes = oneHot(labels, numClasses);
  return z.map((noise, i) => [...noise, ...codes[i]!]);
}

/** Every pixel becomes [value, one-hot(y)…]: the label is painted as constant channels. */
export function discriminatorInput(images: number[][][], labels: number[], numClasses: number): number[][][][] {
  const codes = oneHot(labels, numClasses);
  return images.map((image, i) => image.map((row) => row.map((pixel) => [pixel, ...codes[i]!])));
}
