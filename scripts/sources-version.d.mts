export function sourcesVersion(root: string): string;
export function bundleState(root: string, outdir: string, entry: string): { version: string; current: boolean };
export function stampBundle(outdir: string, version: string): void;
