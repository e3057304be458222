import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * For long loops that run inside the server (an import from the newsroom): awaited after each item, it
 * hands the event loop back once `sliceMs` has gone by, so pages and the import's own progress page
 * keep being answered. Without it a loop whose awaits all settle at once (SQLite answers synchronously)
 * holds the process for as long as it runs.
 */
export function eventLoopTurns(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}
