/**
 * Words that betray an English sentence in Spanish output. Identifiers, file names, TypeScript's own
 * quoted words («…») and code are removed before matching (see spanishLeaks).
 */
export const ENGLISH_MARKERS: RegExp[] = [
  /\b(the|is|was|does|did|not|took|more than|could|should|must|with|without|returned|threw|expected|received|failed|missing|allowed|error:)\b/i,
  /\bNot implemented\b/,
  /\b(Hint|Where|Reproduce|Counterexample|First difference|Output of your code)\b/,
  // English function words and the words of dlgrade's own logs and help, which Spanish never uses
  /\b(and|for|of|to|from|into|which|when|this|that|its|their|here|nothing|cannot|found|only|each|every|written|wrote|write|keep|folder|language|default|graded|warning|retrying|giving up|caught by|earns|passing)\b/i,
];

/** The English words left in `text` once quoted and code parts are removed; [] when none. */
export function spanishLeaks(text: string): string[] {
  const stripped = text
    .replace(/«[^»]*»/g, '«…»') // quoted tool output (tsc, esbuild) and student text
    .replace(/"[^"\n]*"/g, '"…"')
    .replace(/`[^`\n]*`/g, '`…`')
    .replace(/\b[\w./-]+\.(ts|js|mjs|json|yaml|md)\b(:\d+)*(:\d+)?/g, 'FILE')
    .replace(/--[a-z-]+/g, '--opt')
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, 'ID') // kebab-case identifiers: property, exercise and fixture names
    .replace(/<[\w./ -]+>|\[[\w./ -]+\.\.\.\]/g, 'ARG') // commander's argument names: <file>, [exercise...]
    .replace(/\b(npx dlgrade check|dlgrade)\b.*$/gm, 'CMD')
    .replace(/^\s*>?\s*\d+ \|.*$/gm, '') // a code frame's lines are the student's code
    // the counterexample, expected and received values are code
    .replace(/^\s*(Contraejemplo|Esperado|Recibido|Reproducir):.*$/gm, '');
  const leaks: string[] = [];
  for (const line of stripped.split('\n')) for (const marker of ENGLISH_MARKERS) {
    const m = marker.exec(line);
    if (m) leaks.push(`${m[0]} ← ${line.trim()}`);
  }
  return leaks;
}
