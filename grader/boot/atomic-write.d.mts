/** Types of atomic-write.mjs (plain JavaScript: the boot modules use it before TypeScript loads). */
export declare function writeFileAtomic(file: string, data: string | Uint8Array, options?: { dirMode?: number; fileMode?: number }): boolean;
