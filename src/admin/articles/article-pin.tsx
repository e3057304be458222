import { CsrfField } from '../../render/form.tsx';

/** Beside the editor, for editors: pin the article as the home page's lead, or unpin it. */
export function PinSwitch({ articleId, pinned, csrfToken }: { articleId: number; pinned: boolean; csrfToken: string }) {
  return (
    <section class="checklist" aria-labelledby="pin-switch-heading">
      <h2 id="pin-switch-heading">Home page</h2>
      <p>
        {pinned
          ? 'Pinned: while it is published, this article leads the home page, until another is pinned or it is unpinned.'
          : 'The newest article leads the home page. Pin this one to keep it there.'}
      </p>
      <form method="post" action={`/admin/articles/${articleId}/pin`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="pinned" value={pinned ? 'off' : 'on'} />
        <button type="submit" class="button">
          {pinned ? 'Unpin from the home page' : 'Pin as the home page’s lead'}
        </button>
      </form>
    </section>
  );
}
