/**
 * Databases mark matches in snippets with these private-use characters, never with HTML: their
 * output is text like any other, escaped when rendered, and only these markers become <mark>.
 * Indexed text has every private-use character removed (src/articles/search-documents.queries.ts),
 * so no article can fake a highlight.
 */
export const highlightStart = '\uE000';
export const highlightEnd = '\uE001';

/** A run of text, highlighted or not. */
export interface TextPart {
  readonly text: string;
  readonly highlighted: boolean;
}

/** Splits marked text into runs; unbalanced or repeated markers are tolerated, never shown. */
export function splitHighlights(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let highlighted = false;
  let text = '';
  const flush = () => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.highlighted === highlighted) parts[parts.length - 1] = { text: last.text + text, highlighted };
    else parts.push({ text, highlighted });
    text = '';
  };
  for (const character of marked) {
    if (character === highlightStart || character === highlightEnd) {
      flush();
      highlighted = character === highlightStart;
    } else {
      text += character;
    }
  }
  flush();
  return parts;
}

export function hasHighlight(parts: readonly TextPart[]): boolean {
  return parts.some((part) => part.highlighted);
}
