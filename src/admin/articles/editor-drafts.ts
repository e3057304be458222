import type { User } from '../../accounts/index.ts';
import { type Article, findUnsavedDraft, listRecentOtherEditors } from '../../articles/index.ts';
import { formatDateTime, formatTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import type { AdminContext } from '../admin-context.ts';
import type { EditorValues } from './article-form.ts';
import type { EditorDraftState } from './editor-notices.tsx';

/**
 * What the editor page says about unsaved work: the person's own autosave (offered, or restored
 * into the form when they asked) and who else is typing. An autosave identical to the article is
 * left unmentioned: it can only be one that arrived just after a save.
 */
export async function loadDraftState(
  context: AdminContext,
  staff: User,
  article: Article,
  values: EditorValues,
  restore: boolean,
): Promise<{ values: EditorValues; drafts: EditorDraftState }> {
  const deps = { db: context.db, clock: context.site.clock };
  const style = dateStyleOf(context.site.settings.current());
  const [draft, others] = await Promise.all([findUnsavedDraft(context.db, article.id, staff.id), listRecentOtherEditors(deps, article.id, staff.id)]);
  const otherEditors = others.map((editor) => ({ name: editor.name, atLabel: formatTime(editor.savedAt, style) }));
  const differs = draft && Object.entries(draft.fields).some(([name, value]) => name in values && values[name] !== value);
  if (!draft || !differs) return { values, drafts: { otherEditors } };
  const savedAtLabel = formatDateTime(draft.savedAt, style);
  if (restore) {
    // The version they started from, so a save over someone else's newer one is refused, not silent.
    return { values: { ...values, ...draft.fields, loadedVersion: String(draft.baseVersion) }, drafts: { otherEditors, restoredFrom: savedAtLabel } };
  }
  return {
    values,
    drafts: {
      otherEditors,
      unsaved: {
        savedAtLabel,
        savedMeanwhile: draft.baseVersion < article.version,
        restoreUrl: `/admin/articles/${article.id}?restore=autosave`,
        discardAction: `/admin/articles/${article.id}/autosave/discard`,
      },
    },
  };
}
