import { button, el } from './dom.ts';
import { createLibraryPicker, type PhotoWords } from './library-picker.ts';
import { messages } from './messages.ts';

/** The parts of an image every source of one (the library list, an upload's answer) tells. */
interface ChosenPhoto {
  readonly id: number;
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly thumbnailUrl: string;
}

/** One file the library's upload answered with (POST /admin/media, Accept: application/json). */
interface UploadAnswer {
  readonly added?: readonly (ChosenPhoto & { readonly originalName: string; readonly alt: string; readonly caption: string; readonly credit: string })[];
  readonly refused?: readonly { readonly name: string; readonly message: string }[];
}

/**
 * The featured photo panel (articles/editor-featured-photo.tsx), enhanced: a searchable picker,
 * an upload button and a drop zone, and Remove. The library <select> stays the form's value, so
 * the form posts what it always posted; `featuredWordsFor` follows the photo the words are for.
 */
export function mountFeaturedPhoto(panel: HTMLElement, form: HTMLFormElement, libraryUrl: string): void {
  const select = panel.querySelector<HTMLSelectElement>('select[name="featuredMediaId"]');
  const wordsFor = panel.querySelector<HTMLInputElement>('input[name="featuredWordsFor"]');
  const preview = panel.querySelector<HTMLElement>('[data-featured-preview]');
  const words = panel.querySelector<HTMLElement>('[data-featured-words]');
  const scope = panel.querySelector<HTMLElement>('[data-featured-scope]');
  const field = (name: string) => panel.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  const uploadUrl = panel.dataset.uploadUrl;
  if (!select || !wordsFor || !preview || !words || !uploadUrl) return;

  const status = el('p', { class: 'featured-photo__status', role: 'status' });
  const file = el('input', {
    type: 'file',
    accept: 'image/jpeg,image/png,image/webp,image/avif',
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  const chooseButton = button(messages.featuredChoose);
  const uploadButton = button(messages.featuredUpload);
  const removeButton = button(messages.featuredRemove);
  panel
    .querySelector('.featured-photo__choice')
    ?.replaceChildren(
      el('div', { class: 'featured-photo__buttons' }, [chooseButton, uploadButton, removeButton]),
      el('p', { class: 'field__hint' }, [messages.featuredDrop]),
      status,
      file,
      select.closest('.field') ?? select,
    );
  // The list stays in the form for its value; the buttons choose now.
  (select.closest('.field') as HTMLElement | null)?.setAttribute('hidden', '');

  const setWords = (next: PhotoWords) => {
    for (const [name, value] of [
      ['featuredAlt', next.alt],
      ['featuredCaption', next.caption],
      ['featuredCredit', next.credit],
    ] as const) {
      const input = field(name);
      if (input) input.value = value;
    }
  };

  const show = (photo: ChosenPhoto | null) => {
    removeButton.hidden = photo === null;
    words.hidden = photo === null || !field('featuredAlt');
    if (!photo) {
      preview.replaceChildren(el('p', { class: 'featured-photo__empty' }, [messages.featuredNone]));
      return;
    }
    preview.replaceChildren(el('img', { src: photo.thumbnailUrl, alt: '', width: String(photo.width), height: String(photo.height) }));
  };

  const choose = (photo: ChosenPhoto, chosenWords: PhotoWords) => {
    const value = String(photo.id);
    if (![...select.options].some((option) => option.value === value)) select.append(el('option', { value }, [photo.name]));
    select.value = value;
    wordsFor.value = value;
    setWords(chosenWords);
    if (scope) scope.textContent = messages.featuredScope;
    show(photo);
    // The message ends its own sentence: a caption's closing full stop would make two.
    status.textContent = messages.featuredChosen((chosenWords.caption || photo.name).replace(/[.。۔]+$/u, ''));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const picker = createLibraryPicker({
    title: messages.featuredDialogTitle,
    actionLabel: messages.featuredUse,
    libraryUrl,
    returnFocus: () => chooseButton.focus(),
    onChoose: choose,
  });

  const upload = async (chosen: File) => {
    status.textContent = messages.featuredUploading(chosen.name);
    const body = new FormData();
    body.append('_csrf', form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '');
    body.append('file', chosen);
    try {
      const response = await fetch(uploadUrl, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
      const added = answer.added?.[0];
      if (!response.ok || !added) {
        status.textContent = answer.refused?.[0]?.message ?? messages.featuredUploadFailed;
        return;
      }
      choose({ ...added, name: added.originalName }, { alt: added.alt, caption: added.caption, credit: added.credit });
      field(added.alt ? 'featuredCaption' : 'featuredAlt')?.focus();
    } catch {
      status.textContent = messages.featuredUploadFailed;
    }
  };

  chooseButton.addEventListener('click', () => picker.open());
  uploadButton.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void upload(chosen);
    file.value = '';
  });
  removeButton.addEventListener('click', () => {
    select.value = '';
    wordsFor.value = '';
    setWords({ alt: '', caption: '', credit: '' });
    show(null);
    status.textContent = messages.featuredRemoved;
    chooseButton.focus();
  });
  panel.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    panel.classList.add('featured-photo--drop');
  });
  panel.addEventListener('dragleave', () => panel.classList.remove('featured-photo--drop'));
  panel.addEventListener('drop', (event) => {
    panel.classList.remove('featured-photo--drop');
    const dropped = event.dataTransfer?.files[0];
    if (!dropped) return;
    event.preventDefault();
    void upload(dropped);
  });
  removeButton.hidden = select.value === '';
}
