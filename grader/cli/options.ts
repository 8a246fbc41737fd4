import { InvalidArgumentError } from './commander.ts';
import type { Lang } from '../engine/result.ts';
import { cliText } from './lang.ts';

export function parseInteger(name: string): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(cliText().cli.parse.integer(name, value));
    return Number(value);
  };
}

export function parsePositive(name: string): (value: string) => number {
  return (value) => {
    const n = parseInteger(name)(value);
    if (n < 1) throw new InvalidArgumentError(cliText().cli.parse.atLeastOne(name, n));
    return n;
  };
}

export function parseLang(value: string): Lang {
  if (value !== 'es' && value !== 'en') throw new InvalidArgumentError(cliText().cli.parse.lang(value));
  return value;
}

/** A threshold: points, or a percentage of the maximum when written with %. */
export interface Threshold {
  value: number;
  percent: boolean;
}

export function parseScore(value: string): Threshold {
  const percent = value.trim().endsWith('%');
  const n = Number(value.trim().replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(cliText().cli.parse.score(value));
  return { value: n, percent };
}

/** True when the score is below the threshold. */
export function belowThreshold(score: number, maxScore: number, threshold: Threshold): boolean {
  if (!threshold.percent) return score < threshold.value;
  const percentage = maxScore > 0 ? (100 * score) / maxScore : 0;
  return percentage < threshold.value;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** Whether to colour terminal output: a TTY and no NO_COLOR, or FORCE_COLOR. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR']) return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return Boolean(stream.isTTY);
}
