/** the facade module's source for the reference `real` (the URL it imports) imported by `exercise`'s spec */
export function facade(real: string, exercise: string, options?: { file?: string; runtime?: string }): string;
