import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';

/** GitHub's limit for one step's job summary. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/**
 * `GITHUB_OUTPUT` entries in the multiline (heredoc) form, each with a fresh random delimiter that
 * does not occur in its value (pure except for the randomness, which is injectable).
 */
export function formatStepOutputs(outputs: Record<string, string>, random: () => string = () => randomBytes(16).toString('hex')): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new Error(`invalid output name ${name}`);
      let delimiter = `ghadelimiter_${random()}`;
      while (value.includes(delimiter)) delimiter = `ghadelimiter_${random()}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

export async function appendStepOutputs(file: string, outputs: Record<string, string>): Promise<void> {
  await appendFile(file, formatStepOutputs(outputs), 'utf8');
}

/** Appends to `GITHUB_STEP_SUMMARY`, refusing text over the 1 MiB limit (callers fit it first). */
export async function appendStepSummary(file: string, markdown: string): Promise<void> {
  if (Buffer.byteLength(markdown, 'utf8') > STEP_SUMMARY_MAX_BYTES) throw new Error('job summary over 1 MiB');
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}
