import { el, uniqueId } from './dom.ts';
import { messages } from './messages.ts';

/** One tag as GET /admin/tags/suggest lists it. */
interface SuggestedTag {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

/** Waits this long after the last key before asking the server, so fast typing sends one request. */
const typingPauseMs = 150;

/** The comma-separated name the caret is in: where it starts and ends in the field, and its text. */
function nameAtCaret(input: HTMLInputElement): { start: number; end: number; text: string } {
  const caret = input.selectionStart ?? input.value.length;
  const start = input.value.lastIndexOf(',', caret - 1) + 1;
  const comma = input.value.indexOf(',', caret);
  const end = comma === -1 ? input.value.length : comma;
  return { start, end, text: input.value.slice(start, end).trim() };
}

/**
 * Suggests existing tags while a name is typed in the comma-separated tags field, as an ARIA 1.2
 * combobox with a listbox: arrows move through the suggestions, Enter or a click puts the chosen
 * name in place of what was typed, Escape closes. The field stays a plain text input, so typing a
 * new name (and saving without this script) works as before.
 */
export function mountTagAutocomplete(input: HTMLInputElement, suggestUrl: string): void {
  const listId = uniqueId('tag-suggestions');
  const list = el('ul', { id: listId, class: 'tag-autocomplete__list', role: 'listbox', 'aria-label': messages.tagSuggestions, hidden: true });
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  input.parentElement?.classList.add('tag-autocomplete');
  input.after(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');

  let suggestions: SuggestedTag[] = [];
  let active = -1;
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index: number) => {
    active = index;
    for (const [position, option] of options().entries()) option.setAttribute('aria-selected', String(position === index));
    const current = options()[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const choose = (tag: SuggestedTag) => {
    const { start, end } = nameAtCaret(input);
    const before = input.value.slice(0, start);
    const after = input.value.slice(end);
    const inserted = `${start > 0 ? ' ' : ''}${tag.name}`;
    // At the end of the field a comma and space follow, ready for the next name.
    input.value = after === '' ? `${before}${inserted}, ` : `${before}${inserted}${after}`;
    const caret = before.length + inserted.length + (after === '' ? 2 : 0);
    input.setSelectionRange(caret, caret);
    close();
    status.textContent = messages.tagAdded(tag.name);
    // Drafts and autosave listen for input events; a programmatic change sends none of its own.
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const show = (tags: SuggestedTag[]) => {
    const chosen = new Set(input.value.split(',').map((name) => name.trim().toLowerCase()));
    const typed = nameAtCaret(input).text.toLowerCase();
    // A tag already in the field is not offered again, unless it is the name being typed.
    suggestions = tags.filter((tag) => !chosen.has(tag.name.toLowerCase()) || tag.name.toLowerCase() === typed);
    list.replaceChildren(
      ...suggestions.map((tag, index) => {
        const option = el('li', { id: `${listId}-${index}`, class: 'tag-autocomplete__option', role: 'option', 'aria-selected': 'false' }, [tag.name]);
        // mousedown, not click: the field keeps focus, so the list is not closed by blur first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(tag);
        });
        return option;
      }),
    );
    status.textContent = messages.tagSuggestionCount(suggestions.length);
    if (suggestions.length === 0) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };

  const load = async (text: string) => {
    const current = ++request;
    try {
      const response = await fetch(`${suggestUrl}?${new URLSearchParams({ q: text })}`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`tag suggestions answered ${response.status}`);
      const body = (await response.json()) as { tags: SuggestedTag[] };
      // A slower earlier answer must not replace the suggestions for what is typed now.
      if (current === request && document.activeElement === input) show(body.tags);
    } catch {
      // Suggestions are a convenience: without them the field still takes any typed name.
      if (current === request) close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const { text } = nameAtCaret(input);
    if (text === '') {
      request += 1;
      return close();
    }
    timer = setTimeout(() => void load(text), typingPauseMs);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && suggestions.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) {
        const { text } = nameAtCaret(input);
        if (text !== '') void load(text);
        return;
      }
      event.preventDefault();
      // Past the last suggestion (or before the first) comes the field itself, as -1, then round again.
      const positions = suggestions.length + 1;
      highlight(((active + 1 + (event.key === 'ArrowDown' ? 1 : -1) + positions) % positions) - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      // Enter picks the suggestion instead of submitting the article's form.
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener('blur', () => {
    request += 1;
    close();
  });
}
