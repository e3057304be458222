import { diffWords } from 'diff';
import { articleKindNames, type RevisionSnapshot, type SnapshotNames } from '../../articles/index.ts';
import { elementsNamed, parseFragment } from '../../render/html-tree.ts';
import { htmlToText } from '../../render/sanitize.ts';

const messages = {
  same: 'The text of these two versions is the same.',
  siteLanguage: "The site's language",
  none: '—',
  gone: (id: number) => `#${id} (deleted)`,
};

/** One field of a saved or proposed version, as words a person compares. */
export type ReadableField = readonly [label: string, text: string];

/** Every address the body points at (links, inline photos, embeds), one per line: a changed link shows even when its words do not. */
function bodyAddresses(html: string): string {
  const root = parseFragment(html);
  const links = elementsNamed(root, 'a').map((a) => a.attribs.href ?? '');
  const images = elementsNamed(root, 'img').map((img) => img.attribs.src ?? '');
  const embeds = elementsNamed(root, 'figure').map((figure) => figure.attribs['data-url'] ?? '');
  return [...links, ...images, ...embeds].filter(Boolean).join('\n');
}

/**
 * Everything an editor can change in a version, with ids turned into names, so a comparison
 * shows every change that would reach readers: words, placement, bylines, photos and addresses.
 */
export function readableSnapshot(snapshot: RevisionSnapshot, names: SnapshotNames): ReadableField[] {
  const name = (map: ReadonlyMap<number, string>, id: number | null | undefined) => (id == null ? messages.none : (map.get(id) ?? messages.gone(id)));
  const list = (map: ReadonlyMap<number, string>, ids: readonly number[]) => (ids.length === 0 ? messages.none : ids.map((id) => name(map, id)).join(', '));
  return [
    ['Headline', snapshot.headline],
    ['Standfirst', snapshot.standfirst],
    ['Type of work', articleKindNames[snapshot.kind ?? 'news']],
    ['Language', snapshot.language ?? messages.siteLanguage],
    ['Section', name(names.sections, snapshot.sectionId)],
    ['Dateline', snapshot.dateline],
    ['Bylines', list(names.authors, snapshot.authorIds)],
    ['Tags', list(names.tags, snapshot.tagIds)],
    ['Featured photo', name(names.media, snapshot.featuredMediaId)],
    ['Social image', name(names.media, snapshot.socialImageId)],
    ['Body', htmlToText(snapshot.bodyHtml)],
    ['Links, photos and embeds in the body', bodyAddresses(snapshot.bodyHtml)],
    ['Slug', snapshot.slug],
    ['Search title', snapshot.seoTitle ?? ''],
    ['Search description', snapshot.seoDescription ?? ''],
  ];
}

/** Words removed and added, as <del> and <ins>, which screen readers announce. */
function Difference({ before, after }: { before: string; after: string }) {
  return (
    <p class="diff">
      {diffWords(before, after).map((part) => (part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : <span>{part.value}</span>))}
    </p>
  );
}

/** The fields that differ between two versions, each with its words removed and added. */
export function SnapshotDifferences({ from, to }: { from: readonly ReadableField[]; to: readonly ReadableField[] }) {
  const after = new Map(to);
  const changed = from.filter(([label, text]) => after.get(label) !== text);
  return (
    <>
      {changed.length === 0 ? <p>{messages.same}</p> : null}
      {changed.map(([label, text]) => (
        <div class="diff-field">
          <h3>{label}</h3>
          <Difference before={text} after={after.get(label) ?? ''} />
        </div>
      ))}
    </>
  );
}
