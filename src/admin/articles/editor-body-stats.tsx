import { bodyStats } from '../../articles/index.ts';
import { bodyStatsText, type LiveTextWords } from './editor-live-text.ts';

/**
 * The body's word count and reading time under the editor, e.g. "1,234 words · 6 min read".
 * `language` is the article's (or the site's) language tag, which decides how words are found. The browser
 * bundle keeps the text live by its id (editor-client/main.ts), so render it once per page. Without
 * `words`, English.
 */
export function BodyStats({ bodyHtml, language, words }: { bodyHtml: string; language: string; words?: LiveTextWords }) {
  return (
    <p class="editor-stats" id="body-stats">
      {bodyStatsText(bodyStats(bodyHtml, language), words)}
    </p>
  );
}
