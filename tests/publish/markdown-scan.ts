/**
 * Splits rendered Markdown into what GitHub shows as code (fenced blocks, code spans) and the rest,
 * so tests can assert that untrusted text outside code is fully escaped.
 */
export function outsideCode(markdown: string): string {
  const lines = markdown.split('\n');
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    if (fence === undefined) {
      const open = /^(`{3,})/.exec(line);
      if (open) {
        fence = open[1];
        continue;
      }
      kept.push(line);
    } else if (line.startsWith(fence as string) && line.slice((fence as string).length).trim() === '') {
      fence = undefined;
    }
  }
  // code spans: a run of N backticks up to the next run of exactly N backticks
  return kept.join('\n').replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, ' ');
}

/** The contents of every fenced block, to check that no fence is closed early. */
export function fencedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let current: string[] = [];
  for (const line of lines) {
    if (fence === undefined) {
      const open = /^(`{3,})/.exec(line);
      if (open) ((fence = open[1]), (current = []));
    } else if (line.startsWith(fence) && line.slice(fence.length).trim() === '') {
      blocks.push(current.join('\n'));
      fence = undefined;
    } else current.push(line);
  }
  if (fence !== undefined) throw new Error('unclosed code fence');
  return blocks;
}
