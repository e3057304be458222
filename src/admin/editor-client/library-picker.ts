import { button, createDialog, el, onEnter, textField } from './dom.ts';
import { messages } from './messages.ts';

/** One image as GET /admin/media.json lists it: public fields only. */
export interface LibraryPhoto {
  readonly id: number;
  readonly storageKey: string;
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly thumbnailUrl: string;
  readonly imageUrl: string;
}

export interface PhotoWords {
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

/**
 * A dialog that searches the media library (newest first), lets one photo be chosen and its alt
 * text, caption and credit adjusted, then hands both to `onChoose`. The body's Photo control and
 * the featured photo panel both choose through it.
 */
export function createLibraryPicker(options: {
  readonly title: string;
  readonly actionLabel: string;
  readonly libraryUrl: string;
  readonly returnFocus: () => void;
  readonly onChoose: (photo: LibraryPhoto, words: PhotoWords) => void;
}): { open(): void } {
  const dialog = createDialog(options.title, options.returnFocus);
  const search = textField({ label: messages.searchLibrary, type: 'search' });
  const searchButton = button(messages.search);
  const status = el('p', { class: 'photo-picker__status', role: 'status' });
  const list = el('ul', { class: 'photo-picker__list' });
  const chosen = el('p', { class: 'photo-picker__chosen', 'aria-live': 'polite' });
  const alt = textField({ label: messages.altText, hint: messages.altHint, rows: 3 });
  const caption = textField({ label: messages.caption, rows: 3 });
  const credit = textField({ label: messages.credit });
  const confirm = button(options.actionLabel, { class: 'button button--primary' });
  const cancel = button(messages.cancel);
  dialog.dialog.classList.add('editor-dialog--wide');
  dialog.body.append(
    el('div', { class: 'photo-picker__browse' }, [el('div', { class: 'photo-picker__search' }, [search.wrapper, searchButton]), status, list]),
    el('div', { class: 'photo-picker__details' }, [chosen, alt.wrapper, caption.wrapper, credit.wrapper]),
  );
  dialog.actions.append(confirm, cancel);
  let selected: LibraryPhoto | undefined;
  let request = 0;

  const choose = (photo: LibraryPhoto, choice: HTMLButtonElement) => {
    selected = photo;
    for (const other of list.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === choice));
    chosen.textContent = messages.chosenPhoto(photo.caption || photo.name);
    alt.input.value = photo.alt;
    caption.input.value = photo.caption;
    credit.input.value = photo.credit;
  };

  const show = (photos: readonly LibraryPhoto[]) => {
    list.replaceChildren(
      ...photos.map((photo) => {
        const thumbnail = el('img', { src: photo.thumbnailUrl, alt: '', width: String(photo.width), height: String(photo.height), loading: 'lazy' });
        const choice = el('button', { type: 'button', class: 'photo-picker__item', 'aria-pressed': 'false' }, [
          thumbnail,
          el('span', { class: 'photo-picker__caption' }, [photo.caption || photo.name]),
          ...(photo.credit ? [el('span', { class: 'photo-picker__credit' }, [photo.credit])] : []),
        ]);
        choice.addEventListener('click', () => choose(photo, choice));
        return el('li', {}, [choice]);
      }),
    );
    status.textContent = photos.length > 0 ? messages.photoCount(photos.length) : messages.noPhotos;
  };

  const load = async (query: string) => {
    const current = ++request;
    status.textContent = messages.loading;
    try {
      const response = await fetch(`${options.libraryUrl}?${new URLSearchParams(query ? { q: query } : {})}`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`library answered ${response.status}`);
      const body = (await response.json()) as { items: LibraryPhoto[] };
      // A slower earlier search must not replace the results of a later one.
      if (current === request) show(body.items);
    } catch {
      if (current === request) status.textContent = messages.loadFailed;
    }
  };

  searchButton.addEventListener('click', () => void load(search.input.value.trim()));
  onEnter(search.input, () => void load(search.input.value.trim()));
  confirm.addEventListener('click', () => {
    if (!selected) {
      chosen.textContent = messages.choosePhoto;
      list.querySelector('button')?.focus();
      return;
    }
    const photo = selected;
    dialog.close();
    options.onChoose(photo, { alt: alt.input.value.trim(), caption: caption.input.value.trim(), credit: credit.input.value.trim() });
  });
  cancel.addEventListener('click', () => dialog.close());

  return {
    open() {
      selected = undefined;
      chosen.textContent = '';
      for (const field of [alt, caption, credit]) field.input.value = '';
      search.input.value = '';
      dialog.open(search.input);
      void load('');
    },
  };
}
