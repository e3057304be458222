import { htmlToText } from '../render/sanitize.ts';
import type { Article } from './article.ts';

export interface ChecklistItem {
  readonly id: string;
  readonly passed: boolean;
  readonly message: string;
  /** Publishing is refused while a blocking item fails. */
  readonly blocking: boolean;
  /** The number a length check compares with (characters of a headline, words of a body). */
  readonly limit?: number;
}

const longestHeadline = 110;
const shortestBody = 100;

function countWords(html: string): number {
  const text = htmlToText(html);
  return text === '' ? 0 : text.split(/\s+/).length;
}

/** What an editor should look at before publishing, in the order they would fix it. */
export function prepublishChecklist(article: Pick<Article, 'headline' | 'standfirst' | 'section' | 'image' | 'bodyHtml' | 'authors'>): ChecklistItem[] {
  const image = article.image;
  return [
    { id: 'section', passed: article.section !== null, blocking: true, message: 'Choose a section: readers and search engines file the story by it.' },
    { id: 'byline', passed: article.authors.length > 0, blocking: false, message: 'No byline: the article will show no author. Choose at least one.' },
    {
      id: 'alt',
      passed: image?.alt.trim() !== '',
      blocking: true,
      message: 'The featured photo has no alt text for people who cannot see it; add it under the photo.',
    },
    {
      id: 'alt-is-caption',
      passed: !image || image.alt.trim() === '' || image.alt.trim() !== image.caption.trim(),
      blocking: false,
      message: 'The photo’s alt text repeats its caption; alt text should describe what the picture shows.',
    },
    {
      id: 'credit',
      passed: !image || image.caption.trim() === '' || image.credit.trim() !== '',
      blocking: false,
      message: 'The photo has a caption but no credit.',
    },
    {
      id: 'headline-length',
      passed: article.headline.length <= longestHeadline,
      blocking: false,
      limit: longestHeadline,
      message: `The headline is over ${longestHeadline} characters; search results will cut it.`,
    },
    { id: 'standfirst', passed: article.standfirst.trim() !== '', blocking: false, message: 'The standfirst is empty.' },
    {
      id: 'body-length',
      passed: countWords(article.bodyHtml) >= shortestBody,
      blocking: false,
      limit: shortestBody,
      message: `The body is under ${shortestBody} words.`,
    },
  ];
}

export function blockingProblems(article: Parameters<typeof prepublishChecklist>[0]): string[] {
  return prepublishChecklist(article)
    .filter((item) => item.blocking && !item.passed)
    .map((item) => item.message);
}
