/** The rich editor's script and what it reads from the form; without it the page is the plain form. */
export interface RichEditorSetup {
  readonly scriptUrl: string;
  readonly libraryUrl: string;
  /** This person's browser copy of the form, e.g. "7:article-12" or "7:page-new". */
  readonly draftKey: string;
  readonly fieldNames: readonly string[];
  /** Saved articles only; a new one is kept in the browser until its first save. */
  readonly autosaveUrl?: string;
  /** Existing tags as JSON, offered while typing in the tags field (articles). */
  readonly tagSuggestUrl?: string;
}

/** The data attributes by which editor-client/main.ts finds the form it enhances and what to do there. */
export function richEditorFormAttributes(setup: RichEditorSetup | undefined): Record<string, string | true | undefined> {
  return {
    'data-rich-editor': setup ? true : undefined,
    'data-library-url': setup?.libraryUrl,
    'data-draft-key': setup?.draftKey,
    'data-draft-fields': setup?.fieldNames.join(' '),
    'data-autosave-url': setup?.autosaveUrl,
    'data-tag-suggest-url': setup?.tagSuggestUrl,
  };
}
