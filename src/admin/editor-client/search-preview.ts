import { previewLength, type SearchAppearance, searchAppearance } from '../articles/editor-live-text.ts';
import { messages } from './messages.ts';

/**
 * Keeps the "Address, search and social" panel (../articles/editor-search-panel.tsx, which documents
 * its data- attributes) in step with the form: character counters and both previews, redrawn with the
 * server's own editor-live-text.ts, in the words of messages.ts.
 */

/** Long enough for a pause in typing: the count is announced then, not at every keystroke. */
const announceAfterMs = 1000;

const previewTexts: Record<string, (appearance: SearchAppearance) => string> = {
  breadcrumb: (appearance) => appearance.breadcrumb,
  host: (appearance) => appearance.host,
  'search-title': (appearance) => appearance.searchTitle,
  'search-description': (appearance) => appearance.searchDescription,
  'social-title': (appearance) => appearance.socialTitle,
  'social-description': (appearance) => appearance.socialDescription,
};

const placeholders: Record<string, string> = {
  'search-title': messages.previewNoTitle,
  'search-description': messages.previewNoDescription,
  'social-title': messages.previewNoTitle,
  'social-description': messages.previewNoDescription,
};

function fieldValue(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name);
  return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement ? control.value : '';
}

/** Writes only what changed, so a polite live region never repeats itself. */
function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** The address the slug goes after, in the section now chosen in the form (the server's, when it did not say). */
function urlBaseFor(form: HTMLFormElement, panel: HTMLElement): string {
  try {
    const bases = JSON.parse(panel.dataset.urlBases ?? '{}') as Record<string, string>;
    return bases[fieldValue(form, 'sectionId')] ?? panel.dataset.urlBase ?? '';
  } catch {
    return panel.dataset.urlBase ?? '';
  }
}

function drawPreviews(form: HTMLFormElement, panel: HTMLElement): void {
  const appearance = searchAppearance(
    {
      headline: fieldValue(form, 'headline'),
      standfirst: fieldValue(form, 'standfirst'),
      slug: fieldValue(form, 'slug'),
      seoTitle: fieldValue(form, 'seoTitle'),
      seoDescription: fieldValue(form, 'seoDescription'),
    },
    urlBaseFor(form, panel),
  );
  for (const element of panel.querySelectorAll<HTMLElement>('[data-preview]')) {
    const role = element.dataset.preview ?? '';
    const read = previewTexts[role];
    if (!read) continue;
    const text = read(appearance);
    const placeholder = placeholders[role];
    setText(element, text === '' && placeholder ? placeholder : text);
    element.toggleAttribute('data-empty', text === '' && placeholder !== undefined);
  }
}

/** Redraws one counter (the field's hint) and returns its text. */
function drawCounter(form: HTMLFormElement, counter: HTMLElement): string {
  const name = counter.dataset.characterCount ?? '';
  const recommended = Number(counter.dataset.recommended);
  const count = previewLength(fieldValue(form, name));
  const text = messages.characterCount(count, recommended);
  const hint = document.getElementById(`field-${name}-hint`);
  if (hint) setText(hint, text);
  counter.toggleAttribute('data-over', count > recommended);
  return text;
}

/** Live counters and previews for the form's search panel; does nothing when the form has none. */
export function mountSearchPreview(form: HTMLFormElement): void {
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  if (!panel) return;
  const announcer = panel.querySelector('[data-character-count-announcer]');
  const counters = Array.from(panel.querySelectorAll<HTMLElement>('[data-character-count]'));
  let announcement: number | undefined;

  const redraw = () => {
    drawPreviews(form, panel);
    for (const counter of counters) drawCounter(form, counter);
  };
  form.addEventListener('input', (event) => {
    redraw();
    const counter = counters.find((candidate) => candidate.contains(event.target as Node));
    if (!counter || !announcer) return;
    window.clearTimeout(announcement);
    announcement = window.setTimeout(() => setText(announcer, drawCounter(form, counter)), announceAfterMs);
  });
  form.addEventListener('change', redraw);
  // A restored draft sets fields without an input event, then puts the caret back into the form.
  form.addEventListener('focusin', redraw);
}
