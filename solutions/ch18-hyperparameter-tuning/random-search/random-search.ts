export type Param =
  | { name: string; kind: 'uniform'; low: number; high: number }
  | { name: string; kind: 'log-uniform'; low: number; high: number }
  | { name: string; kind: 'int'; low: number; high: number }
  | { name: string; kind: 'choice'; options: (number | string)[] };

export type Config = Record<string, number | string>;

/** Maps one uniform draw u ∈ [0, 1) to a value of the parameter. */
function sample(param: Param, u: number): number | string {
  switch (param.kind) {
    case 'uniform':
      return param.low + u * (param.high - param.low);
    case 'log-uniform': {
      const logLow = Math.log(param.low);
      return Math.exp(logLow + u * (Math.log(param.high) - logLow));
    }
    case 'int':
      return param.low + Math.floor(u * (param.high - param.low + 1));
    case 'choice':
      return param.options[Math.floor(u * param.options.length)]!;
  }
}

export function sampleConfigs(space: Param[], draws: number[][]): Config[] {
  return draws.map((row) => {
    const config: Config = {};
    space.forEach((param, j) => {
      config[param.name] = sample(param, row[j]!);
    });
    return config;
  });
}

export function bestTrial(scores: number[], mode: 'min' | 'max'): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) {
    const better = mode === 'min' ? scores[i]! < scores[best]! : scores[i]! > scores[best]!;
    if (better) best = i;
  }
  return best;
}
