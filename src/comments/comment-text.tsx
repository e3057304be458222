import * as linkify from 'linkifyjs';
import { LRUCache } from 'lru-cache';
import { renderFragment, type SafeHtml } from '../render/safe-html.ts';

interface FoundLink {
  readonly href: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The links found in each line lately rendered: finding them is most of what rendering a comment
 * costs (11% of an uncached article page with 50 comments), and a comment's lines are the same at every
 * render. Bounded by the characters kept.
 */
const linksByLine = new LRUCache<string, readonly FoundLink[]>({ maxSize: 4 * 1024 * 1024, sizeCalculation: (_links, line) => line.length + 1 });

/**
 * linkify finds an http(s) address only after a scheme's "://", at "localhost", or where a dot stands right
 * before a top-level domain: a line with none of them has no link, and most lines of most comments have
 * none. Testing for them costs a fraction of linkify's scan, which is otherwise paid at every comment's
 * first render.
 */
const mayHoldLink = /:\/\/|\.[^\s.]|localhost/i;

const noLinks: readonly FoundLink[] = [];

function linksIn(line: string): readonly FoundLink[] {
  if (!mayHoldLink.test(line)) return noLinks;
  let links = linksByLine.get(line);
  if (!links) {
    links = linkify
      .find(line)
      .filter((link) => link.type === 'url' && /^https?:\/\//i.test(link.href))
      .map(({ href, value, start, end }) => ({ href, value, start, end }));
    linksByLine.set(line, links);
  }
  return links;
}

/**
 * A comment is plain text: paragraphs at blank lines, line breaks kept, web addresses made into
 * links. Every character is escaped by the JSX runtime; nothing the commenter typed becomes markup.
 */
export function CommentText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              <LinkedLine line={line} />
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** A comment's text as HTML, exactly as its page shows it, for places read away from the page (feeds). */
export function commentTextHtml(text: string): SafeHtml {
  return renderFragment(<CommentText text={text} />);
}

function LinkedLine({ line }: { line: string }) {
  const links = linksIn(line);
  const pieces: unknown[] = [];
  let position = 0;
  for (const link of links) {
    if (link.start > position) pieces.push(line.slice(position, link.start));
    // "ugc nofollow": search engines must not count readers' links as the newsroom's endorsement.
    pieces.push(
      <a href={link.href} rel="nofollow ugc noopener">
        {link.value}
      </a>,
    );
    position = link.end;
  }
  if (position < line.length) pieces.push(line.slice(position));
  return <>{pieces}</>;
}

/** Up to two initials from a name, for an avatar drawn locally (never Gravatar, which would leak a hash of the email). */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters = words.slice(0, 2).map((word) => [...word][0]!.toLocaleUpperCase());
  return letters.join('') || '?';
}

/** One of eight avatar colours, chosen from the name so the same person keeps theirs. */
export function avatarHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 8;
}
