/** An article every pre-publish check passes, for tests to spoil one field at a time. */
export const readyArticle = {
  headline: 'Harbour reopens after storm',
  standfirst: 'Ships queue at the breakwater.',
  section: { id: 1, slug: 'world', name: 'World' },
  image: { id: 1, storageKey: 'k', width: 10, height: 10, alt: 'Ships at anchor', caption: 'The harbour at dawn.', credit: 'AFP' },
  bodyHtml: `<p>${'word '.repeat(120)}</p>`,
  authors: [{ id: 1, slug: 'ana-costa', name: 'Ana Costa', jobTitle: '' }],
};
