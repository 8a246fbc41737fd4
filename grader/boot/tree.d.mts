export interface Tree {
  root: string;
  out: string;
  sources: Set<string>;
}
export function treeEnabled(env?: NodeJS.ProcessEnv): boolean;
export function treesDir(root?: string): string | undefined;
export function validTree(root?: string): Promise<Tree | undefined>;
export function useTree(tree: Tree, entry: string): string;
/** the tree this process loads from (useTree), or undefined */
export function currentTree(): Tree | undefined;
/** the URL an entry point imports `entry` by: its module in the current tree, else the source with the module hooks registered */
export function entryUrl(entry: string, root?: string): Promise<string>;
/** the URL to import a source by (its module in the tree, or the source); undefined: a .ts the process's tree does not hold */
export function treeUrl(path: string): string | undefined;
export function heldUrl(tree: Tree, path: string): string | undefined;
export function buildTree(options?: { root?: string }): Promise<{ dir: string; id: string; modules: number; removed: number }>;
export function typeScriptLoader(): Promise<void>;
