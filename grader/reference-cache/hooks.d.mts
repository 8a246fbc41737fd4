/** the facade module's source for the reference `real` (a file: URL) imported by `exercise`'s spec */
export function facade(real: string, exercise: string): string;
