/** Types of boot-messages.mjs (plain JavaScript: the boot scripts run before TypeScript loads). */
interface PrecompileSummary {
  compiled: number;
  fresh: number;
  removed: number;
  unstored: number;
}
export interface BootMessages {
  precompiled(r: PrecompileSummary, where: string): string;
  precompileSkipped(why: string): string;
}
export declare function bootMessages(argv?: readonly string[], env?: Record<string, string | undefined>): BootMessages;
