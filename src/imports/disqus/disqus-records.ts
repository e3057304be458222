// The records a Disqus export is read into: disqus-reader.ts finds the elements, recordFromFields below makes records of them.
// Every field is a string as the file has it ('' when absent), except the flags, which are true only for "true".

/** Who wrote a thread or a post. Anonymous commenters have a name and nothing else. */
export type DisqusAuthor = Readonly<{ name: string; email: string; username: string; isAnonymous: boolean }>;

/** A forum's category; `forum` is the forum's short name (its id on disqus.com). */
export type DisqusCategory = Readonly<{ kind: 'category'; id: string; forum: string; title: string; isDefault: boolean }>;

/** A page that had a comment box: one per address the embed was loaded on, most of them with no posts. */
export interface DisqusThread {
  readonly kind: 'thread';
  /** The thread's `dsq:id`. */
  readonly id: string;
  /** What the site told Disqus the page was (`disqus_identifier`); the WordPress plugin writes "<post ID> <?p= URL>". */
  readonly identifier: string;
  readonly forum: string;
  readonly categoryId: string;
  /** The page's address when the thread was made. */
  readonly link: string;
  readonly title: string;
  readonly createdAt: string;
  readonly author: DisqusAuthor;
  readonly isClosed: boolean;
  readonly isDeleted: boolean;
}

/** A comment. Replies name their parent; the file lists a parent before its replies. */
export interface DisqusPost {
  readonly kind: 'post';
  /** The post's `dsq:id`. */
  readonly id: string;
  /** Set by whatever imported the comment into Disqus, e.g. "wp_id=11" by the WordPress plugin. */
  readonly identifier: string;
  /** HTML as Disqus stores it: paragraphs, line breaks, links, bold and italics. */
  readonly message: string;
  readonly createdAt: string;
  readonly isDeleted: boolean;
  readonly isSpam: boolean;
  readonly author: DisqusAuthor;
  readonly ipAddress: string;
  readonly threadId: string;
  /** The parent post's `dsq:id`, or '' for a comment that starts a thread. */
  readonly parentId: string;
}

export type DisqusRecord = DisqusCategory | DisqusThread | DisqusPost;
export type DisqusRecordKind = DisqusRecord['kind'];

const flag = (value = '') => value.trim().toLowerCase() === 'true';

/**
 * A record from the text of the elements it held, by path below it ('author/name'; 'thread@' for a dsq:id
 * attribute, '@' for the record's own). The message is kept as stored (HTML); every other field loses the white
 * space around it.
 */
export function recordFromFields(kind: DisqusRecordKind, fields: Readonly<Record<string, string>>): DisqusRecord {
  const text = (key: string) => (fields[key] ?? '').trim();
  const id = text('@');
  const author: DisqusAuthor = {
    name: text('author/name'),
    email: text('author/email'),
    username: text('author/username'),
    isAnonymous: flag(fields['author/isAnonymous']),
  };
  switch (kind) {
    case 'category':
      return { kind, id, forum: text('forum'), title: text('title'), isDefault: flag(fields.isDefault) };
    case 'thread':
      return {
        kind,
        id,
        identifier: text('id'),
        forum: text('forum'),
        categoryId: text('category@'),
        link: text('link'),
        title: text('title'),
        createdAt: text('createdAt'),
        author,
        isClosed: flag(fields.isClosed),
        isDeleted: flag(fields.isDeleted),
      } satisfies DisqusThread;
    case 'post':
      return {
        kind,
        id,
        identifier: text('id'),
        message: fields.message ?? '',
        createdAt: text('createdAt'),
        isDeleted: flag(fields.isDeleted),
        isSpam: flag(fields.isSpam),
        author,
        ipAddress: text('ipAddress'),
        threadId: text('thread@'),
        parentId: text('parent@'),
      } satisfies DisqusPost;
  }
}

/** A Disqus time ("2025-03-14T21:03:11Z"; a zone-less one is taken as UTC, as Disqus means it) as a Date; undefined for anything else. */
export function parseDisqusDate(value: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const [, day, time, fraction = '', zone = 'Z'] = match;
  const date = new Date(`${day}T${time}${fraction.slice(0, 4)}${zone}`);
  // Date rolls 2025-02-30 into March: a day that does not round-trip is not one.
  return Number.isNaN(date.getTime()) || (zone === 'Z' && date.toISOString().slice(0, 10) !== day) ? undefined : date;
}
