export interface MomentumHyper {
  lr: number;
  momentum: number;
  nesterov: boolean;
}

/** One step of SGD with (Nesterov) momentum, learning rate outside the velocity as in tfjs/PyTorch. */
export function sgdMomentumStep(
  params: number[],
  grads: number[],
  state: { velocity: number[] },
  hp: MomentumHyper,
): { params: number[]; state: { velocity: number[] } } {
  const { lr, momentum, nesterov } = hp;
  const velocity: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]!;
    const v = momentum * state.velocity[i]! + g; // inertia: a decaying sum of past gradients
    const step = nesterov ? g + momentum * v : v; // Nesterov looks one velocity step ahead
    velocity.push(v);
    next.push(params[i]! - lr * step);
  }
  return { params: next, state: { velocity } };
}
