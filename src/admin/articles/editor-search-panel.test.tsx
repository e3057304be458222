import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import { parseFragment } from '../../render/html-tree.ts';
import { renderFragment } from '../../render/safe-html.ts';
import { SearchAndSocialPanel, type SearchPanelPreview } from './editor-search-panel.tsx';
import { truncateForPreview } from './editor-live-text.ts';

const truncated = (text: string) => truncateForPreview(text, 60);

const labels = { slug: 'Slug', seoTitle: 'Search title', seoDescription: 'Search description' };
const preview: SearchPanelPreview = {
  siteName: 'Gazette',
  siteUrl: 'https://news.example',
  articleUrl: '/world/harbour-fire',
  socialImageUrl: '/media/fire-1a2b/400.jpg',
};
const article = { headline: 'Fire at the harbour', standfirst: 'Crews fought the blaze all night.', slug: 'harbour-fire', seoTitle: '', seoDescription: '' };

function render(values: Record<string, string>, options: { errors?: Record<string, string>; preview?: SearchPanelPreview } = {}) {
  const html = String(
    renderFragment(
      <SearchAndSocialPanel values={{ ...article, ...values }} errors={options.errors ?? {}} labels={labels} preview={options.preview ?? preview} />,
    ),
  );
  const tree = parseFragment(html);
  const find = (test: (element: Element) => boolean): Element => {
    const found = DomUtils.findOne(test, tree.children, true);
    assert.ok(found, 'element not found');
    return found;
  };
  const byAttribute = (name: string, value: string) => find((element) => element.attribs[name] === value);
  const text = (name: string, value: string) => DomUtils.textContent(byAttribute(name, value));
  const lookFor = (test: (element: Element) => boolean) => DomUtils.findOne(test, tree.children, true);
  return { html, find, lookFor, byAttribute, text, preview: (kind: string) => byAttribute('data-preview', kind) };
}

test('keeps the three fields with their names, labels and lengths, in a group opened only when one of them is refused', () => {
  const page = render({});
  const details = page.find((element) => element.name === 'details');
  assert.equal(DomUtils.textContent(page.find((element) => element.name === 'summary')), 'Address, search and social');
  assert.equal(details.attribs.open, undefined);
  assert.equal(page.byAttribute('name', 'slug').attribs.maxlength, '120');
  assert.equal(page.byAttribute('name', 'seoTitle').attribs.maxlength, '120');
  assert.equal(page.byAttribute('name', 'seoDescription').attribs.maxlength, '320');
  assert.equal(page.text('for', 'field-seoTitle'), 'Search title');
  assert.equal(page.byAttribute('name', 'slug').attribs.value, 'harbour-fire');

  const refused = render({}, { errors: { seoDescription: 'Too long.' } });
  assert.equal(refused.find((element) => element.name === 'details').attribs.open, '');
  assert.equal(refused.text('id', 'field-seoDescription-error'), 'Too long.');
  assert.equal(render({}, { errors: { headline: 'Required.' } }).find((element) => element.name === 'details').attribs.open, undefined);
});

test('each counter is the field’s description, counts what a reader sees, and says when it is over the recommendation', () => {
  const page = render({ seoTitle: 'Harbour fire: crews fight blaze overnight', seoDescription: '부산항 화재 👩‍👩‍👧' });
  const title = page.byAttribute('name', 'seoTitle');
  assert.match(title.attribs['aria-describedby'] ?? '', /\bfield-seoTitle-hint\b/);
  assert.equal(page.text('id', 'field-seoTitle-hint'), '41 of 60 characters recommended');
  // Three Hangul, a space, two Hangul, a space and one family emoji (seven code units).
  assert.equal(page.text('id', 'field-seoDescription-hint'), '8 of 155 characters recommended');
  assert.equal(page.byAttribute('data-character-count', 'seoTitle').attribs['data-recommended'], '60');
  assert.equal(page.byAttribute('data-character-count', 'seoTitle').attribs['data-over'], undefined);

  const over = render({ seoTitle: 'x'.repeat(65), seoDescription: 'word '.repeat(40) });
  assert.equal(over.text('id', 'field-seoTitle-hint'), '65 characters, 5 over the recommended 60');
  assert.equal(over.byAttribute('data-character-count', 'seoTitle').attribs['data-over'], '');
  assert.equal(over.text('id', 'field-seoDescription-hint'), '199 characters, 44 over the recommended 155', 'spaces at the end do not count');
  const announcer = over.find((element) => element.attribs['data-character-count-announcer'] !== undefined);
  assert.equal(announcer.attribs['aria-live'], 'polite');
  assert.equal(DomUtils.textContent(announcer), '', 'nothing is announced when the page loads');
});

test('the previews fall back to the headline and standfirst, and show a placeholder when there is nothing', () => {
  const page = render({});
  assert.equal(DomUtils.textContent(page.preview('search-title')), 'Fire at the harbour');
  assert.equal(DomUtils.textContent(page.preview('search-description')), 'Crews fought the blaze all night.');
  assert.equal(DomUtils.textContent(page.preview('social-title')), 'Fire at the harbour');
  assert.equal(DomUtils.textContent(page.preview('social-description')), 'Crews fought the blaze all night.');
  assert.equal(page.preview('search-title').attribs['data-empty'], undefined);

  const own = render({ seoTitle: 'Harbour blaze', seoDescription: 'What we know.' });
  assert.equal(DomUtils.textContent(own.preview('search-title')), 'Harbour blaze');
  assert.equal(DomUtils.textContent(own.preview('social-description')), 'What we know.');

  const blank = render({ headline: '', standfirst: '  ', seoTitle: ' ', seoDescription: '' });
  assert.equal(blank.preview('search-title').attribs['data-empty'], '');
  assert.equal(blank.preview('search-description').attribs['data-empty'], '');
  assert.match(DomUtils.textContent(blank.preview('search-description')), /No description yet/);
});

test('the search result shows the address as a breadcrumb, made from the headline while the slug is empty', () => {
  const page = render({});
  assert.equal(DomUtils.textContent(page.preview('breadcrumb')), 'https://news.example › world › harbour-fire');
  assert.equal(page.find((element) => element.attribs['data-search-panel'] !== undefined).attribs['data-url-base'], 'https://news.example/world/');
  assert.equal(DomUtils.textContent(page.preview('host')), 'news.example');
  const korean = render({ headline: '부산항 화재', slug: '' });
  assert.equal(DomUtils.textContent(korean.preview('breadcrumb')), 'https://news.example › world › 부산항-화재', 'shown decoded, as browsers do');
  const absolute = render({}, { preview: { ...preview, articleUrl: 'https://news.example/news/old-slug' } });
  assert.equal(DomUtils.textContent(absolute.preview('breadcrumb')), 'https://news.example › news › harbour-fire', 'the slug typed wins');
  const misconfigured = render({}, { preview: { ...preview, siteUrl: 'news.example' } });
  assert.equal(DomUtils.textContent(misconfigured.preview('breadcrumb')), 'news.example/harbour-fire', 'a site address that is no URL is shown, not a failure');
});

test('long titles and descriptions are cut as a search engine cuts them: at a word, without dangling punctuation, with an ellipsis', () => {
  const seoTitle = 'Harbour fire: crews fight the blaze through the night, as residents, shopkeepers watch';
  const seoDescription = `${'The fire started in a warehouse near the container terminal. '.repeat(3)}More later.`;
  const page = render({ seoTitle, seoDescription });
  const title = DomUtils.textContent(page.preview('search-title'));
  assert.equal(title, 'Harbour fire: crews fight the blaze through the night, as…');
  const description = DomUtils.textContent(page.preview('search-description'));
  assert.equal(description, `${'The fire started in a warehouse near the container terminal. '.repeat(2)}The fire started in a warehouse…`);
  assert.ok(Array.from(description).length <= 155);
  assert.equal(DomUtils.textContent(page.preview('social-title')), seoTitle, 'social cards show longer titles whole');

  // Japanese has no spaces to cut at: the cut falls mid-run.
  const japanese = render({ seoTitle: '東京都は昨日、新しい条例を発表しました。'.repeat(4) });
  const cut = DomUtils.textContent(japanese.preview('search-title'));
  assert.equal(Array.from(cut).length, 60);
  assert.ok(cut.endsWith('…'));
});

test('hostile values stay text: no element, attribute or script comes out of a field', () => {
  const hostile = '<script>alert(1)</script>"onmouseover=alert(2) x="';
  const page = render(
    { headline: hostile, standfirst: hostile, slug: hostile, seoTitle: hostile, seoDescription: `</textarea>${hostile}` },
    { preview: { siteName: hostile, siteUrl: 'https://news.example', articleUrl: '/world/x', socialImageUrl: '/media/a.jpg" onerror="alert(3)' } },
  );
  assert.doesNotMatch(page.html, /<script/i);
  assert.doesNotMatch(page.html, /<\/textarea>(?!<\/div>)/, 'the description cannot close its textarea early');
  assert.equal(
    page.lookFor((element) => Object.keys(element.attribs).some((name) => name.startsWith('on') || name === 'x')),
    null,
    'no event handler attribute',
  );
  assert.equal(page.byAttribute('name', 'seoTitle').attribs.value, hostile, 'the value is kept exactly');
  assert.equal(DomUtils.textContent(page.preview('search-title')), truncated(hostile));
});

test('preview texts take their direction from their own words, so Arabic reads right to left; the address stays left to right', () => {
  const page = render({ headline: 'حريق في ميناء بوسان', standfirst: 'هرع ثلاثون رجل إطفاء.' });
  for (const kind of ['search-title', 'search-description', 'social-title', 'social-description']) assert.equal(page.preview(kind).attribs.dir, 'auto', kind);
  assert.equal(DomUtils.textContent(page.preview('search-title')), 'حريق في ميناء بوسان');
  assert.equal(page.preview('breadcrumb').attribs.dir, 'ltr');
  assert.equal(page.preview('host').attribs.dir, 'ltr');
});

test('the social card shows the image when there is one, and is marked imageless when there is none', () => {
  assert.equal(render({}).preview('social-image').attribs.src, '/media/fire-1a2b/400.jpg');
  const { socialImageUrl: _none, ...withoutImage } = preview;
  const page = render({}, { preview: withoutImage });
  assert.equal(
    page.lookFor((element) => element.attribs['data-preview'] === 'social-image'),
    null,
  );
  assert.ok(page.find((element) => element.attribs.class === 'social-card social-card--no-image'));
});
