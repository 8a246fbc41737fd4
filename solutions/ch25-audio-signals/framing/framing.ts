/** Frames of N samples starting every H samples; with padEnd, trailing frames are zero-filled. */
export function frameSignal(signal: number[], frameLength: number, hop: number, padEnd: boolean): number[][] {
  const frames: number[][] = [];
  for (let start = 0; start < signal.length; start += hop) {
    const fits = start + frameLength <= signal.length;
    if (!fits && !padEnd) break;
    const frame = signal.slice(start, start + frameLength);
    while (frame.length < frameLength) frame.push(0);
    frames.push(frame);
  }
  return frames;
}
