import { diffWords } from 'diff';
import type { ArticleKind, RevisionSnapshot, SnapshotNames } from '../../articles/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { elementsNamed, parseFragment } from '../../render/html-tree.ts';
import { htmlToText } from '../../render/sanitize.ts';

type Words = Translator<NewsroomKey>;
const none = '—';

const kindKeys = {
  news: 'articles.kind.news',
  analysis: 'articles.kind.analysis',
  opinion: 'articles.kind.opinion',
  review: 'articles.kind.review',
  sponsored: 'articles.kind.sponsored',
} as const satisfies Record<ArticleKind, NewsroomKey>;

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
export function readableSnapshot(snapshot: RevisionSnapshot, names: SnapshotNames, words: Words): ReadableField[] {
  const gone = (id: number) => words.text('articles.diff.gone', { id: String(id) });
  const name = (map: ReadonlyMap<number, string>, id: number | null | undefined) => (id == null ? none : (map.get(id) ?? gone(id)));
  const list = (map: ReadonlyMap<number, string>, ids: readonly number[]) => (ids.length === 0 ? none : ids.map((id) => name(map, id)).join(', '));
  const label = (key: NewsroomKey) => words.text(key);
  return [
    [label('articles.field.headline'), snapshot.headline],
    [label('articles.field.standfirst'), snapshot.standfirst],
    [label('articles.field.kind'), label(kindKeys[snapshot.kind ?? 'news'])],
    [label('articles.field.language'), snapshot.language ?? label('articles.diff.siteLanguage')],
    [label('articles.field.section'), name(names.sections, snapshot.sectionId)],
    [label('articles.field.dateline'), snapshot.dateline],
    [label('articles.field.bylines'), list(names.authors, snapshot.authorIds)],
    [label('articles.field.tags'), list(names.tags, snapshot.tagIds)],
    [label('articles.field.featuredPhoto'), name(names.media, snapshot.featuredMediaId)],
    [label('articles.field.socialImage'), name(names.media, snapshot.socialImageId)],
    [label('articles.field.body'), htmlToText(snapshot.bodyHtml)],
    [label('articles.field.bodyAddresses'), bodyAddresses(snapshot.bodyHtml)],
    [label('articles.field.slug'), snapshot.slug],
    [label('articles.field.seoTitle'), snapshot.seoTitle ?? ''],
    [label('articles.field.seoDescription'), snapshot.seoDescription ?? ''],
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
export function SnapshotDifferences({ from, to, words }: { from: readonly ReadableField[]; to: readonly ReadableField[]; words: Words }) {
  const after = new Map(to);
  const changed = from.filter(([label, text]) => after.get(label) !== text);
  return (
    <>
      {changed.length === 0 ? <p>{words.text('articles.diff.same')}</p> : null}
      {changed.map(([label, text]) => (
        <div class="diff-field">
          <h3>{label}</h3>
          <Difference before={text} after={after.get(label) ?? ''} />
        </div>
      ))}
    </>
  );
}
