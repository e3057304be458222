/**
 * Within one process: "there is something to send". Recording an event or resending a delivery nudges
 * the deliverer running here (if any) to look now rather than at its next poll. Other processes and
 * instances are not told: their deliverers find the work when they next poll the database.
 */
const listeners = new Set<() => void>();

/** Calls `listener` at each nudge; returns a function that stops it. */
export function onWebhookNudge(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function nudgeWebhookDeliverers(): void {
  for (const listener of listeners) listener();
}
