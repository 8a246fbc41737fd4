/**
 * What must end when a CLI command is done: long-lived helpers a command may have started (the
 * bounded type checker's worker thread) that would otherwise keep the process alive after an
 * early error. `main` runs these once the command returns or throws.
 */
const tasks = new Set<() => Promise<unknown> | unknown>();

/** Registers `task` to run at shutdown; returns a function that unregisters it. */
export function onShutdown(task: () => Promise<unknown> | unknown): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Runs (and forgets) every registered task; a task that fails is ignored. */
export async function runShutdown(): Promise<void> {
  const now = [...tasks];
  tasks.clear();
  await Promise.all(now.map(async (task) => {
    try {
      await task();
    } catch {
      /* ending anyway */
    }
  }));
}
