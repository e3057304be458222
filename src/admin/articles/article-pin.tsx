import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField } from '../../render/form.tsx';

/** Beside the editor, for editors: pin the article as the home page's lead, or unpin it. */
export function PinSwitch({ articleId, pinned, csrfToken, words }: { articleId: number; pinned: boolean; csrfToken: string; words: Translator<NewsroomKey> }) {
  return (
    <section class="checklist" aria-labelledby="pin-switch-heading">
      <h2 id="pin-switch-heading">{words.text('editor.pinHeading')}</h2>
      <p>{words.text(pinned ? 'editor.pinned' : 'editor.notPinned')}</p>
      <form method="post" action={`/admin/articles/${articleId}/pin`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="pinned" value={pinned ? 'off' : 'on'} />
        <button type="submit" class="button">
          {words.text(pinned ? 'editor.unpin' : 'editor.pin')}
        </button>
      </form>
    </section>
  );
}
