import { LRUCache } from 'lru-cache';
import type { Translator } from '../i18n/index.ts';
import { flattened, type SafeHtml } from '../render/safe-html.ts';
import { avatarHue, CommentText, initialsOf } from './comment-text.tsx';

/** Everything a comment's card is drawn from; the card's renderer sees nothing else, so equal inputs draw the same HTML. */
export interface CommentCardInputs {
  readonly id: number;
  readonly authorName: string;
  readonly authorWebsite: string;
  readonly isStaff: boolean;
  readonly body: string;
  readonly createdIso: string;
  readonly createdLabel: string;
  readonly pending: boolean;
  /** Where "Reply" goes without script (the reply form), or null when comments are closed or the thread is at its depth limit. */
  readonly replyUrl: string | null;
}

// A Record of every key: the compiler refuses this object when an input is added above and not here.
const everyInput: Readonly<Record<keyof CommentCardInputs, true>> = {
  id: true,
  authorName: true,
  authorWebsite: true,
  isStaff: true,
  body: true,
  createdIso: true,
  createdLabel: true,
  pending: true,
  replyUrl: true,
};
const cardInputNames = Object.keys(everyInput) as (keyof CommentCardInputs)[];

export const visuallyHidden = (chunks: unknown) => <span class="visually-hidden">{chunks}</span>;

function Author({ comment, words }: { comment: CommentCardInputs; words: Translator }) {
  const name = <bdi>{comment.authorName}</bdi>;
  return (
    <span class="comment__author">
      {comment.authorWebsite ? (
        <a href={comment.authorWebsite} rel="nofollow ugc noopener">
          {name}
        </a>
      ) : (
        name
      )}
      {comment.isStaff ? <span class="comment__badge">{words.text('comment.staff')}</span> : null}
    </span>
  );
}

export function drawCard(comment: CommentCardInputs, words: Translator): SafeHtml {
  return (
    <article class="comment__card" aria-labelledby={`comment-${comment.id}-by`}>
      <header class="comment__header">
        <span class={`avatar avatar--${avatarHue(comment.authorName)}`} aria-hidden="true">
          {initialsOf(comment.authorName)}
        </span>
        <span id={`comment-${comment.id}-by`}>
          <Author comment={comment} words={words} />
        </span>{' '}
        <a class="comment__permalink" href={`#comment-${comment.id}`}>
          <time datetime={comment.createdIso}>{comment.createdLabel}</time>
        </a>
      </header>
      {comment.pending ? <p class="comment__pending">{words.text('comment.awaitingModeration')}</p> : null}
      <div class="comment__body" dir="auto">
        <CommentText text={comment.body} />
      </div>
      {comment.replyUrl ? (
        <p class="comment__actions">
          <a class="comment__reply" href={comment.replyUrl} rel="nofollow" data-reply-to={String(comment.id)} data-reply-name={comment.authorName}>
            {words.rich('comment.reply', { name: comment.authorName, hidden: visuallyHidden })}
          </a>
        </p>
      ) : null}
    </article>
  ) as SafeHtml;
}

interface DrawnCard {
  readonly inputs: CommentCardInputs;
  readonly words: Translator;
  readonly html: SafeHtml;
}

/**
 * Cards lately drawn, by comment id. A page of comments is mostly the same cards at every render (an
 * approval adds one; an edit changes one), and drawing them was 13% of an uncached article page with 50
 * comments. A card is taken again only when every input and the translator (its language and time zone)
 * are the same, so a kept card is exactly what drawing would give. Bounded by characters kept.
 */
const drawnCards = new LRUCache<number, DrawnCard>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (card) => card.html.length + card.inputs.body.length + card.inputs.authorName.length + 200,
});

function drawnFrom(card: DrawnCard, comment: CommentCardInputs, words: Translator): boolean {
  return card.words === words && cardInputNames.every((name) => card.inputs[name] === comment[name]);
}

/** A comment's card (its header, text and reply link) without its replies. */
export function CommentCard({ comment, words }: { comment: CommentCardInputs; words: Translator }): SafeHtml {
  const kept = drawnCards.get(comment.id);
  if (kept && drawnFrom(kept, comment, words)) return kept.html;
  const html = flattened(drawCard(comment, words));
  const inputs = Object.fromEntries(cardInputNames.map((name) => [name, comment[name]])) as unknown as CommentCardInputs;
  drawnCards.set(comment.id, { inputs, words, html });
  return html;
}
