/**
 * A test that needs a tool the machine lacks is skipped with `reason` on a developer's machine, but
 * fails in CI: .ci/run installs every tool, so a missing one there is a broken install step.
 */
export function skipOrFailWithoutTool(reason: string): string {
  if (process.env.CI) throw new Error(`${reason} (CI must run every gate; .ci/run installs it)`);
  return reason;
}
