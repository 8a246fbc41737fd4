/** the facade module's source for the reference `real` (the URL it imports) imported by `exercise`'s spec; `embedded`: bundled into an assignment's grader (hooks.mjs) */
export function facade(real: string, exercise: string, options?: { file?: string; runtime?: string; embedded?: { root: string; salt: string } }): string;
