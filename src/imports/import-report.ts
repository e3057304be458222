import { replaceControlCharacters } from '../platform/control-characters.ts';
import { type ImportPhrase, type ImportSentence, importSentenceIn } from './import-phrases.ts';

function printable(text: string, limit: number): string {
  return replaceControlCharacters(text, 'line', '\uFFFD').slice(0, limit);
}

/** A report is read by a person: past these, items are counted but not listed. */
const maxNotes = 5_000;
const maxUnmappedNames = 500;

/** What happened to one item of the source. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'changed';

export interface ReportedItem {
  readonly kind: string;
  /** The source's id or, when it has none, what identifies the item to a person (a file name). */
  readonly sourceId: string;
  readonly title: string;
  readonly outcome: Outcome;
  /** A phrase, so the newsroom reads it in its language; a service's English refusal as it is. */
  readonly reason: ImportSentence;
}

/** An item as the report keeps it: `reason` in English (the command line, reports stored before phrases), `phrase` to translate it. */
export interface NotedItem extends Omit<ReportedItem, 'reason'> {
  readonly reason: string;
  readonly phrase?: ImportPhrase;
}

/**
 * The account an import gives of itself: counts per kind and outcome, every item skipped or changed
 * on the way in with the reason, and what the source held that Gazette has no place for. A dry run
 * fills the same report.
 */
export class ImportReport {
  readonly #counts = new Map<string, Map<Outcome, number>>();
  readonly #notes: NotedItem[] = [];
  readonly #unmapped = new Map<string, number>();
  #notesLeftOut = 0;

  constructor(readonly dryRun: boolean) {}

  count(kind: string, outcome: Outcome): void {
    const byOutcome = this.#counts.get(kind) ?? new Map<Outcome, number>();
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
    this.#counts.set(kind, byOutcome);
  }

  /** An item skipped, or brought in with a change a person should know about. */
  note(item: ReportedItem): void {
    if (item.outcome === 'skipped') this.count(item.kind, 'skipped');
    if (this.#notes.length >= maxNotes) {
      this.#notesLeftOut++;
      return;
    }
    // Titles and ids come from the file: an escape sequence in one must not reach the operator's terminal.
    const { reason, ...rest } = item;
    this.#notes.push({
      ...rest,
      sourceId: printable(item.sourceId, 60),
      title: printable(item.title, 120),
      reason: importSentenceIn(reason),
      ...(typeof reason === 'string' ? {} : { phrase: reason }),
    });
  }

  /** A field of the source with no place in Gazette (e.g. a custom field), counted per name. */
  unmapped(field: string): void {
    const name = printable(field, 80);
    if (!this.#unmapped.has(name) && this.#unmapped.size >= maxUnmappedNames) return;
    this.#unmapped.set(name, (this.#unmapped.get(name) ?? 0) + 1);
  }

  total(kind: string, outcome?: Outcome): number {
    const byOutcome = this.#counts.get(kind);
    if (!byOutcome) return 0;
    return outcome ? (byOutcome.get(outcome) ?? 0) : [...byOutcome.values()].reduce((sum, n) => sum + n, 0);
  }

  get notes(): readonly NotedItem[] {
    return this.#notes;
  }

  get unmappedFields(): ReadonlyMap<string, number> {
    return this.#unmapped;
  }

  toJSON() {
    return {
      dryRun: this.dryRun,
      counts: Object.fromEntries([...this.#counts].map(([kind, byOutcome]) => [kind, Object.fromEntries(byOutcome)])),
      notes: this.#notes,
      notesLeftOut: this.#notesLeftOut,
      unmappedFields: Object.fromEntries(this.#unmapped),
    };
  }

  /** The report as lines of plain text, for a terminal or a log. */
  toText(): string {
    const lines = [this.dryRun ? 'Dry run: nothing was written. This is what the import would do.' : 'Import finished.', ''];
    for (const [kind, byOutcome] of this.#counts) {
      const parts = [...byOutcome].map(([outcome, n]) => `${n.toLocaleString('en')} ${outcome}`);
      lines.push(`${kind.padEnd(12)} ${parts.join(', ')}`);
    }
    if (this.#notes.length > 0) {
      lines.push('', 'Skipped or changed:');
      for (const item of this.#notes) lines.push(`  ${item.kind} ${item.sourceId} “${item.title}”: ${item.outcome}, ${item.reason}`);
      if (this.#notesLeftOut > 0) lines.push(`  … and ${this.#notesLeftOut.toLocaleString('en')} more not listed`);
    }
    if (this.#unmapped.size > 0) {
      lines.push('', 'Fields with no place in Gazette (not imported):');
      for (const [field, n] of [...this.#unmapped].sort()) lines.push(`  ${field} (${n.toLocaleString('en')})`);
    }
    return lines.join('\n');
  }
}
