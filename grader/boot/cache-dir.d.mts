/** Types of cache-dir.mjs (plain JavaScript: it runs before any TypeScript can load). */
export declare const INSTALL_ROOT: string;
/** DLGRADE_CACHE_DIR, else the install's node_modules/.cache/dlgrade, else the user's cache folder; undefined when none can be created */
export declare function trustedCacheDir(root?: string): string | undefined;
