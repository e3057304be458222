import type { FormClient } from './form-client.ts';

// The article editor's form, as the newsroom tests fill it in.

/** Ids the new-article form offers: the World section, and the first author of the byline list. */
export async function newArticleChoices(browser: FormClient): Promise<{ worldId: string; authorId: string }> {
  const form = (await browser.get('/admin/articles/new')).body;
  return {
    worldId: /<option value="(\d+)">World<\/option>/.exec(form)![1]!,
    authorId: /<select id="field-byline1"[\s\S]*?<option value="(\d+)"/.exec(form)![1]!,
  };
}

/** The fields for saving a draft with a placeholder standfirst; `fields` add to them or replace them. */
export function draftArticleFields(headline: string, fields: Readonly<Record<string, string>>): Record<string, string> {
  return { headline, standfirst: 'A standfirst.', intent: 'save', ...fields };
}
