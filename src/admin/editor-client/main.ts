import { autosaveToServer } from './autosave.ts';
import { mountBodyStats } from './body-stats.ts';
import { keepLocalDrafts } from './drafts.ts';
import { el } from './dom.ts';
import { mountFeaturedPhoto } from './featured-photo.ts';
import { mountRichEditor } from './rich-editor.ts';
import { mountSearchPreview } from './search-preview.ts';
import { mountTagAutocomplete } from './tag-autocomplete.ts';

// Entry point of the newsroom's rich editor bundle (see ../editor-bundle.ts). The page works as a
// plain form without it; everything here is an enhancement of that form.
const form = document.querySelector<HTMLFormElement>('form[data-rich-editor]');
const textarea = form?.querySelector<HTMLTextAreaElement>('textarea[name="bodyHtml"]');
if (form && textarea) {
  const { libraryUrl = '', draftKey = '', draftFields = '', autosaveUrl, tagSuggestUrl } = form.dataset;
  const fieldNames = draftFields.split(' ').filter(Boolean);
  const editor = mountRichEditor(textarea, { libraryUrl, actionBar: form.querySelector<HTMLElement>('.editor-bar') });
  const notices = el('div', { class: 'editor-notices' });
  form.before(notices);
  if (draftKey) keepLocalDrafts({ form, editor, key: draftKey, fieldNames, notices });
  if (autosaveUrl) autosaveToServer({ form, editor, url: autosaveUrl, fieldNames, notices });
  const tags = form.querySelector<HTMLInputElement>('input[name="tags"]');
  if (tags && tagSuggestUrl) mountTagAutocomplete(tags, tagSuggestUrl);
  mountSearchPreview(form);
  const bodyStats = document.getElementById('body-stats');
  // An empty language choice means the site's language; the page's own is the nearest we know.
  const language = () => form.querySelector<HTMLSelectElement>('select[name="language"]')?.value || document.documentElement.lang;
  if (bodyStats) mountBodyStats(editor, bodyStats, language);
  const featured = form.querySelector<HTMLElement>('[data-featured-photo]');
  if (featured && libraryUrl) mountFeaturedPhoto(featured, form, libraryUrl);
  document.documentElement.classList.add('has-rich-editor');
}
