import { type ContentChanges, type ContentTag, contentTags } from '../platform/content-changes.ts';
import { KeptUntilListsChange } from '../platform/kept-until-lists-change.ts';

/** Lists counted at once: each view, filter and scope a newsroom is looking at. */
const keptLists = 1_000;

/**
 * Besides every article change (which announces `scope:all`), what changes a newsroom list's size: a
 * draft made, sent for review or restored, a change proposed or decided (`newsroom`), and a section, tag
 * or author renamed or deleted, which filters name.
 */
function changesNewsroomLists(tag: ContentTag): boolean {
  return tag === contentTags.newsroom || tag.startsWith('section:') || tag.startsWith('tag:') || tag.startsWith('author:');
}

/**
 * The sizes of the newsroom's lists (all articles, a filter's matches, changes waiting, the trash),
 * kept between requests until something that can change them is announced, here or by another
 * instance. Counted afresh, the working list of a million articles reads every one: 65–90 ms on
 * every page of the list, for numbers that change only when someone saves.
 */
export class NewsroomCounts {
  readonly #counts: KeptUntilListsChange<number>;

  constructor(changes: ContentChanges, maxAgeMs = 60_000) {
    this.#counts = new KeptUntilListsChange(changes, { most: keptLists, maxAgeMs, dropsOn: changesNewsroomLists });
  }

  /** `list` names the list and its filters exactly: lists that differ in anything must differ in it. */
  count(list: string, now: Date, read: () => Promise<number>): Promise<number> {
    return this.#counts.get(list, now, read);
  }
}
