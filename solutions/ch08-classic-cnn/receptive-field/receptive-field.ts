/** Receptive field and jump after each layer of a stack of sliding windows. */

export interface WindowLayer {
  kernel: number;
  stride: number;
  dilation: number;
}

export function receptiveField(layers: WindowLayer[]): { rf: number[]; jump: number[] } {
  let r = 1; // one input pixel sees itself
  let j = 1; // neighbouring input pixels are 1 apart
  const rf: number[] = [];
  const jump: number[] = [];
  for (const { kernel, stride, dilation } of layers) {
    const span = dilation * (kernel - 1); // how far apart the window's first and last taps are, in units of this layer's input
    r += span * j; // each extra tap reaches j input pixels further
    j *= stride;
    rf.push(r);
    jump.push(j);
  }
  return { rf, jump };
}
