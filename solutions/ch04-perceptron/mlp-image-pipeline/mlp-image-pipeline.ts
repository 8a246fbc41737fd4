/** Normalise each pixel with its channel's statistics and flatten every image in H, W, C order. */
export function preprocessImages(images: number[][][][], mean: number[], std: number[]): number[][] {
  return images.map((image) => {
    const row: number[] = [];
    for (const line of image) {
      for (const pixel of line) {
        pixel.forEach((value, c) => row.push((value / 255 - mean[c]!) / std[c]!));
      }
    }
    return row;
  });
}

/** Mean cross-entropy and accuracy over every example of the validation set, whatever the batch sizes. */
export function evaluateEpoch(logitBatches: number[][][], labelBatches: number[][]): { loss: number; accuracy: number } {
  let totalLoss = 0;
  let correct = 0;
  let count = 0;
  logitBatches.forEach((batch, b) => {
    batch.forEach((logits, i) => {
      const label = labelBatches[b]![i]!;
      const max = Math.max(...logits);
      const logSumExp = max + Math.log(logits.reduce((s, z) => s + Math.exp(z - max), 0));
      totalLoss += logSumExp - logits[label]!; // −log softmax(z)[label]
      if (logits.indexOf(max) === label) correct++; // ties go to the first index, like argmax
      count++;
    });
  });
  return { loss: totalLoss / count, accuracy: correct / count };
}
