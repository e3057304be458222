/** How an import tells a person where it is; the command line draws a bar, the newsroom page a count. */
export interface Progress {
  /** A new phase ("Photos", "Articles"); `total` when it is known. */
  phase(name: string, total?: number): void;
  advance(count?: number): void;
  done(): void;
}

/** For scripts and tests: nothing is shown. */
export const silentProgress: Progress = { phase() {}, advance() {}, done() {} };
