/** Types of atomic-write.mjs (plain JavaScript: the boot modules use it before TypeScript loads). */
export declare function writeFileAtomic(file: string, data: string | Uint8Array, options?: { dirMode?: number; fileMode?: number }): boolean;
/** writeFileAtomic on libuv's thread pool (atomic-write.mjs). */
export declare function writeFileAtomicInBackground(file: string, data: string | Uint8Array, options?: { dirMode?: number; fileMode?: number }): Promise<boolean>;
