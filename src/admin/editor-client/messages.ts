import { IntlMessageFormat } from 'intl-messageformat';
import { en } from '../../i18n/newsroom/client.ts';

type ClientKey = keyof typeof en;

interface Island {
  readonly locale: string;
  readonly hourCycle: 'h23' | undefined;
  readonly messages: Readonly<Partial<Record<ClientKey, string>>>;
}

/**
 * The words the server put in the page for the newsroom's language (../messages-island.tsx), read once.
 * A page without them (or with something unreadable there) gets the English the bundle carries.
 */
function readIsland(): Island | undefined {
  const element = document.getElementById('newsroom-messages');
  if (!element) return undefined;
  try {
    const parsed: unknown = JSON.parse(element.textContent ?? '');
    if (!parsed || typeof parsed !== 'object') return undefined;
    const messages = Object.fromEntries(Object.entries(parsed).filter(([key, value]) => Object.hasOwn(en, key) && typeof value === 'string'));
    return { locale: element.dataset.locale || 'en', hourCycle: element.dataset.hourCycle === 'h23' ? 'h23' : undefined, messages };
  } catch {
    return undefined;
  }
}

const island = readIsland();

const compiled = new Map<ClientKey, IntlMessageFormat>();

function compile(key: ClientKey): IntlMessageFormat {
  const own = island?.messages[key];
  try {
    return new IntlMessageFormat(own ?? en[key], own === undefined ? 'en' : island!.locale);
  } catch {
    // A message the server sent that does not parse: its English still says it.
    return new IntlMessageFormat(en[key], 'en');
  }
}

function text(key: ClientKey, values?: Record<string, string | number>): string {
  let formatter = compiled.get(key);
  if (!formatter) {
    formatter = compile(key);
    compiled.set(key, formatter);
  }
  return String(formatter.format(values));
}

/**
 * Dates in the newsroom's words' language, in the browser's own variant of it where it has one ("en-GB"
 * keeps day-month order on an English newsroom); the browser's default on a page without the words.
 */
export const dateStyle: { readonly locales: string[] | undefined; readonly hourCycle: 'h23' | undefined } = {
  locales: island && [...navigator.languages.filter((tag) => tag.split('-')[0] === island.locale.split('-')[0]), island.locale],
  hourCycle: island?.hourCycle,
};

/** Every word the rich editor shows, in the newsroom's language; the server's pages keep theirs in i18n/newsroom/. */
export const messages = {
  toolbar: text('client.toolbar'),
  tools: {
    paragraphStyle: text('client.toolParagraphStyle'),
    text: text('client.toolText'),
    textLabel: text('client.toolTextLabel'),
    headingLabel: (level: number) => text('client.toolHeadingLabel', { level }),
    textStyle: text('client.toolTextStyle'),
    boldLabel: text('client.toolBoldLabel'),
    italicLabel: text('client.toolItalicLabel'),
    link: text('client.toolLink'),
    blocks: text('client.toolBlocks'),
    bulleted: text('client.toolBulleted'),
    bulletedLabel: text('client.toolBulletedLabel'),
    numbered: text('client.toolNumbered'),
    numberedLabel: text('client.toolNumberedLabel'),
    quote: text('client.toolQuote'),
    pullQuote: text('client.toolPullQuote'),
    insert: text('client.toolInsert'),
    photo: text('client.toolPhoto'),
    embed: text('client.toolEmbed'),
    rule: text('client.toolRule'),
    ruleLabel: text('client.toolRuleLabel'),
    history: text('client.toolHistory'),
    undo: text('client.toolUndo'),
    redo: text('client.toolRedo'),
  },
  linkDialogTitle: text('client.linkDialogTitle'),
  linkAddress: text('client.linkAddress'),
  linkHint: text('client.linkHint'),
  linkInvalid: text('client.linkInvalid'),
  applyLink: text('client.applyLink'),
  removeLink: text('client.removeLink'),
  cancel: text('client.cancel'),
  photoDialogTitle: text('client.photoDialogTitle'),
  searchLibrary: text('client.searchLibrary'),
  search: text('client.search'),
  loading: text('client.loading'),
  noPhotos: text('client.noPhotos'),
  loadFailed: text('client.loadFailed'),
  photoCount: (count: number) => text('client.photoCount', { count }),
  choosePhoto: text('client.choosePhoto'),
  chosenPhoto: (name: string) => text('client.chosenPhoto', { name }),
  altText: text('client.altText'),
  altHint: text('client.altHint'),
  caption: text('client.caption'),
  credit: text('client.credit'),
  insertPhoto: text('client.insertPhoto'),
  featuredChoose: text('client.featuredChoose'),
  featuredUpload: text('client.featuredUpload'),
  featuredRemove: text('client.featuredRemove'),
  featuredDrop: text('client.featuredDrop'),
  featuredNone: text('client.featuredNone'),
  featuredDialogTitle: text('client.featuredDialogTitle'),
  featuredUse: text('client.featuredUse'),
  featuredChosen: (name: string) => text('client.featuredChosen', { name }),
  featuredRemoved: text('client.featuredRemoved'),
  featuredUploading: (name: string) => text('client.featuredUploading', { name }),
  featuredUploadFailed: text('client.featuredUploadFailed'),
  featuredScope: text('client.featuredScope'),
  embedDialogTitle: text('client.embedDialogTitle'),
  embedAddress: text('client.embedAddress'),
  embedHint: text('client.embedHint'),
  embedInvalid: text('client.embedInvalid'),
  insertEmbed: text('client.insertEmbed'),
  restoreLocal: (time: string) => text('client.restoreLocal', { time }),
  unsavedTitle: text('client.unsavedTitle'),
  restore: text('client.restore'),
  discard: text('client.discard'),
  restored: text('client.restored'),
  discarded: text('client.discarded'),
  autosaved: (time: string) => text('client.autosaved', { time }),
  autosaveFailed: text('client.autosaveFailed'),
  savedMeanwhile: (name: string, time: string) => text('client.savedMeanwhile', { name, time }),
  someone: text('client.someone'),
  otherEditors: (names: string) => text('client.otherEditors', { names }),
  tagSuggestions: text('client.tagSuggestions'),
  tagSuggestionCount: (count: number) => (count === 0 ? text('client.tagSuggestionNone') : text('client.tagSuggestionCount', { count })),
  tagAdded: (name: string) => text('client.tagAdded', { name }),
  /** "1,234 words · 6 min read", as the server first shows it (articles/editor-live-text.ts bodyStatsText). */
  bodyStats: (stats: { readonly words: number; readonly minutes: number }) => text('client.bodyStats', { words: stats.words, minutes: stats.minutes }),
  /** "38 of 60 characters recommended", or "65 characters, 5 over the recommended 60" (editor-live-text.ts characterCountText). */
  characterCount: (count: number, recommended: number) =>
    count <= recommended
      ? text('client.characterCount', { count, recommended })
      : text('client.characterCountOver', { count, recommended, over: count - recommended }),
  previewNoTitle: text('client.previewNoTitle'),
  previewNoDescription: text('client.previewNoDescription'),
};
