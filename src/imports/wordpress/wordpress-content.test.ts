import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element } from 'domhandler';
import { elementsNamed } from '../../render/html-tree.ts';
import { sanitizeStoredHtml } from '../../render/sanitize.ts';
import { convertWordPressContent, findImageReferences } from './wordpress-content.ts';
import {
  body,
  convert,
  electionPost,
  festivalPost,
  libraryImage,
  marketPost,
  newsletterBlock,
  noReport,
  outline,
  photoOf,
  resolvers,
  text,
  topLevel,
  uploads,
} from './wordpress-content.test-support.ts';

describe('convertWordPressContent: the classic post with a [caption] (post 10)', () => {
  const { resolve, imageCalls, linkCalls } = resolvers();
  const { html, report } = convertWordPressContent(body(marketPost), resolve);
  const nodes = topLevel(html);

  it('keeps WordPress’s paragraphs and line breaks, and drops the &nbsp; spacer paragraph', () => {
    assert.deepEqual(outline(html), ['p', 'figure.inline-photo', 'p', 'p', 'blockquote', 'p']);
    assert.equal(text(nodes[0]!), 'Gwangjang market stays open until midnight again from this week, after two winters of early closing.');
    assert.deepEqual(
      nodes[2]!.children.filter((node): node is Element => node.type === 'tag').map((node) => node.name),
      ['strong', 'br'],
    );
    assert.match(text(nodes[2]!), /since 1998\. Her son now runs the second stall\.$/);
    assert.equal(text(nodes[5]!), 'Opening hours: 9am–midnight, closed on Sundays.');
    assert.deepEqual(report, noReport);
  });

  it('turns the [caption] into an inline photo with its caption, the alt text the post gave it and no credit', () => {
    assert.deepEqual(photoOf(nodes[1]!), {
      key: 'seoul-night-market-7f3a',
      src: '/media/seoul-night-market-7f3a/800.jpg',
      alt: 'Paper lanterns above food stalls at dusk',
      caption: 'Lanterns over the stalls on reopening night.',
      credit: undefined,
    });
    assert.deepEqual(imageCalls, [{ url: `${uploads}seoul-night-market-300x200.jpg`, attachmentId: 4 }]);
  });

  it('points links to other imported posts at their new addresses, by old permalink and by ?p=', () => {
    assert.deepEqual(linkCalls, ['http://news.example.org/2025/03/cairo-votes-first-results/', 'http://news.example.org/?p=8']);
    assert.deepEqual(
      elementsNamed(nodes[3]!, 'a').map((link) => [link.attribs.href, text(link)]),
      [
        ['/middle-east/cairo-election-night-turnout', "Cairo's election night"],
        ['/culture/lyon-fete-des-lumieres', 'festival in Lyon'],
      ],
    );
  });

  it('puts the quote’s text in a paragraph, as wpautop does', () => {
    assert.equal(html.match(/<blockquote>.*<\/blockquote>/)?.[0], "<blockquote><p>The market is the city's living room.</p></blockquote>");
  });

  it('makes HTML the allow-list keeps as it is', () => {
    assert.equal(String(sanitizeStoredHtml(html)), html);
  });
});

describe('convertWordPressContent: the classic post with [gallery], [embed] and an unknown shortcode (post 8)', () => {
  const gallery = convert(body(festivalPost), {
    image: (reference) =>
      reference.attachmentId === 6 ? libraryImage(6, { caption: 'The main stage', credit: 'Jane Doe' }) : libraryImage(reference.attachmentId ?? 0),
  });
  const nodes = topLevel(gallery.html);

  it('maps every part in order', () => {
    assert.deepEqual(outline(gallery.html), [
      'p',
      'p',
      'figure.inline-photo',
      'figure.inline-photo',
      'figure.inline-photo',
      'p',
      'figure.embed',
      'ul',
      'h3',
      'p',
    ]);
    assert.equal(text(nodes[0]!), "The Fête des Lumières opened on Thursday with three stages on the Presqu'île and a crowd the organisers put at 80,000.");
    assert.equal(text(nodes[9]!), 'Trams run until 2am. Bring cash: most stalls do not take cards & queues are long.');
  });

  it('shows each photo of [gallery ids="6,4,5"] in that order, with the library’s alt text, caption and credit', () => {
    assert.deepEqual(nodes.slice(2, 5).map(photoOf), [
      {
        key: 'lyon-festival-stage-7f3a',
        src: '/media/lyon-festival-stage-7f3a/800.jpg',
        alt: 'Library alt 6',
        caption: 'The main stage',
        credit: 'Photo: Jane Doe',
      },
      { key: 'seoul-night-market-7f3a', src: '/media/seoul-night-market-7f3a/800.jpg', alt: 'Library alt 4', caption: undefined, credit: undefined },
      { key: 'cairo-election-crowd-7f3a', src: '/media/cairo-election-crowd-7f3a/800.jpg', alt: 'Library alt 5', caption: undefined, credit: undefined },
    ]);
  });

  it('turns [embed] into the YouTube embed figure', () => {
    assert.equal(nodes[6]!.attribs['data-provider'], 'youtube');
    assert.equal(nodes[6]!.attribs['data-url'], 'https://www.youtube.com/watch?v=aqz-KE-bpKQ');
  });

  it('drops the unknown [factbox]’s tags, keeps its list and reports it', () => {
    assert.deepEqual(
      elementsNamed(nodes[7]!, 'li').map((item) => text(item)),
      ['4 nights', '80,000 visitors on the first night', '37 light installations'],
    );
    assert.doesNotMatch(gallery.html, /factbox|\[|\]/);
    assert.deepEqual(gallery.report, { ...noReport, unknownShortcodes: ['factbox'] });
  });

  it('makes HTML the allow-list keeps as it is', () => {
    assert.equal(String(sanitizeStoredHtml(gallery.html)), gallery.html);
  });
});

describe('convertWordPressContent: the block editor post (post 9)', () => {
  const { resolve, imageCalls } = resolvers();
  const { html, report } = convertWordPressContent(body(electionPost), resolve);
  const nodes = topLevel(html);

  it('maps every block in order, the reusable block inlined at the end', () => {
    assert.deepEqual(outline(html), [
      'p',
      'figure.inline-photo',
      'h2',
      'ul',
      'blockquote',
      'blockquote.pull-quote',
      'table',
      'hr',
      'figure.inline-photo',
      'figure.inline-photo',
      'figure.inline-photo',
      'figure.embed',
      'p',
      'h3',
      'p',
    ]);
    assert.deepEqual(report, noReport);
  });

  it('resolves the image block by its id and address, caption from its figcaption, alt from its img', () => {
    assert.deepEqual(photoOf(nodes[1]!), {
      key: 'cairo-election-crowd-7f3a',
      src: '/media/cairo-election-crowd-7f3a/800.jpg',
      alt: 'Silhouettes of a crowd against an orange sky',
      caption: 'Waiting for the first results.',
      credit: undefined,
    });
    assert.deepEqual(imageCalls[0], { url: `${uploads}cairo-election-crowd.jpg`, attachmentId: 5 });
  });

  it('keeps the list items with their emphasis', () => {
    assert.equal(nodes[3]!.children.filter((node) => node.type === 'tag').length, 3);
    assert.match(html, /<li>Appeals until <em>Friday noon<\/em><\/li>/);
  });

  it('keeps the quote’s citation, and the pull quote as a pull quote', () => {
    assert.equal(
      html.match(/<blockquote>[\s\S]*?<\/blockquote>/)?.[0],
      '<blockquote>\n<p>We have waited a long time to stand in this queue.</p>\n<p><cite>A first-time voter in Shubra</cite></p></blockquote>',
    );
    assert.match(html, /<blockquote class="pull-quote"><p>Every vote is counted twice\.<\/p><p><cite>The electoral commission<\/cite><\/p><\/blockquote>/);
  });

  it('keeps the table without its figure', () => {
    assert.match(
      html,
      /<table><thead><tr><th>District<\/th><th>Turnout<\/th><\/tr><\/thead><tbody><tr><td>Giza<\/td><td>44%<\/td><\/tr><tr><td>Shubra<\/td><td>39%<\/td><\/tr><\/tbody><\/table>\n<hr>/,
    );
  });

  it('shows the gallery’s image blocks as one photo each, and the embed with its caption after it', () => {
    assert.deepEqual(
      nodes.slice(8, 11).map((figure) => photoOf(figure).key),
      ['cairo-election-crowd-7f3a', 'seoul-night-market-7f3a', 'lyon-festival-stage-7f3a'],
    );
    assert.equal(nodes[11]!.attribs['data-url'], 'https://www.youtube.com/watch?v=aqz-KE-bpKQ');
    assert.equal(text(nodes[12]!), "The commission's briefing.");
  });

  it('inlines the reusable block, its heading and its link', () => {
    assert.equal(text(nodes[13]!), 'Get the morning briefing');
    assert.equal(elementsNamed(nodes[14]!, 'a')[0]?.attribs.href, 'http://news.example.org/newsletter/');
  });
});

describe('convertWordPressContent: the other posts and pages of the export', () => {
  it('converts short block bodies and classic ones', () => {
    assert.equal(
      convert(body(12)).html,
      '<p>What the finance ministry is expected to announce.</p>\n<h3>Get the morning briefing</h3>\n<p>Five stories, every weekday at 7am. <a href="http://news.example.org/newsletter/">Sign up here</a>.</p>',
    );
    assert.equal(convert(body(13)).html, '<p>Unfinished. Check the ministry figures.</p>\n<p>Call the agent back on Monday.</p>');
    assert.equal(convert(body(19)).html, '<ul>\n<li>Editor: Omar Haddad</li>\n<li>Seoul: Hana Kim</li>\n</ul>');
  });
});

describe('convertWordPressContent: what could not be brought in', () => {
  it('leaves out photos the library does not have, with their captions, and lists them; the rest stays', () => {
    const none = () => undefined;
    const market = convert(body(marketPost), { image: none });
    assert.deepEqual(outline(market.html), ['p', 'p', 'p', 'blockquote', 'p']);
    assert.doesNotMatch(market.html, /Lanterns over the stalls/);
    assert.deepEqual(market.report.missingImages, [`${uploads}seoul-night-market-300x200.jpg`]);
    assert.deepEqual(convert(body(festivalPost), { image: none }).report.missingImages, ['attachment 6', 'attachment 4', 'attachment 5']);
    assert.deepEqual(convert(body(electionPost), { image: none }).report.missingImages, [
      `${uploads}cairo-election-crowd.jpg`,
      `${uploads}seoul-night-market.jpg`,
      `${uploads}lyon-festival-stage.jpg`,
    ]);
  });

  it('reports a reusable block the export does not have', () => {
    const { html, report } = convert(body(14), { reusableBlock: () => undefined });
    assert.equal(html, '<p>The city council votes on Thursday on two new lanes along the Rhône.</p>');
    assert.deepEqual(report.missingReusableBlocks, [newsletterBlock]);
  });

  it('stops at a reusable block used inside itself, and at the sixth level of reusable blocks', () => {
    const selfReference = convert('<!-- wp:block {"ref":7} /-->', {
      reusableBlock: () => '<!-- wp:paragraph --><p>Again</p><!-- /wp:paragraph --><!-- wp:block {"ref":7} /-->',
    });
    assert.equal(selfReference.html, '<p>Again</p>');
    assert.deepEqual(selfReference.report.missingReusableBlocks, [7]);
    const chain = convert('<!-- wp:block {"ref":1} /-->', { reusableBlock: (id) => `<p>Level ${id}</p><!-- wp:block {"ref":${id + 1}} /-->` });
    assert.deepEqual(
      topLevel(chain.html).map((node) => text(node)),
      ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5'],
    );
    assert.deepEqual(chain.report.missingReusableBlocks, [6]);
  });
});

describe('findImageReferences', () => {
  it('lists each image a body shows once, as the converter will ask for it', () => {
    assert.deepEqual(findImageReferences(body(marketPost)), [{ url: `${uploads}seoul-night-market-300x200.jpg`, attachmentId: 4 }]);
    assert.deepEqual(findImageReferences(body(festivalPost)), [{ attachmentId: 6 }, { attachmentId: 4 }, { attachmentId: 5 }]);
    assert.deepEqual(findImageReferences(body(electionPost)), [
      { url: `${uploads}cairo-election-crowd.jpg`, attachmentId: 5 },
      { url: `${uploads}seoul-night-market.jpg`, attachmentId: 4 },
      { url: `${uploads}lyon-festival-stage.jpg`, attachmentId: 6 },
    ]);
    assert.deepEqual(findImageReferences('<p>No photos.</p>'), []);
  });
});

describe('convertWordPressContent: blocks', () => {
  it('maps heading levels onto h2–h4', () => {
    const headings = [1, 2, 3, 4, 5, 6]
      .map((level) => `<!-- wp:heading {"level":${level}} -->\n<h${level}>Level ${level}</h${level}>\n<!-- /wp:heading -->`)
      .join('\n\n');
    assert.deepEqual(outline(convert(headings).html), ['h2', 'h2', 'h3', 'h4', 'h4', 'h4']);
  });

  it('keeps nested lists inside their item', () => {
    const nested =
      '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Tuesday<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n<li>Giza</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list --></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->';
    assert.equal(convert(nested).html, '<ul>\n<li>Tuesday\n<ol>\n<li>Giza</li>\n</ol>\n</li>\n</ul>');
  });

  it('keeps an unknown block’s HTML and reports its name; layout blocks give way to their content', () => {
    const { html, report } = convert(
      '<!-- wp:acme/callout {"tone":"alert"} -->\n<div class="callout"><p>Polls close at <strong>9pm</strong>.</p></div>\n<!-- /wp:acme/callout -->\n\n<!-- wp:group -->\n<div class="wp-block-group"><!-- wp:paragraph -->\n<p>Inside a group.</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->',
    );
    assert.equal(html, '<p>Polls close at <strong>9pm</strong>.</p>\n<p>Inside a group.</p>');
    assert.deepEqual(report.unknownBlocks, ['acme/callout']);
  });

  it('maps a table’s caption, an old gallery and an embed Gazette does not know', () => {
    const { html, report } = convert(
      '<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr><td colspan="2" class="x">Giza</td></tr></tbody></table><figcaption>Turnout by district</figcaption></figure>\n<!-- /wp:table -->\n\n' +
        '<!-- wp:gallery {"ids":[4,5]} -->\n<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="x.jpg" data-id="4" class="wp-image-4"/><figcaption class="blocks-gallery-item__caption">Lanterns</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="y.jpg" data-id="5"/></figure></li></ul><figcaption class="blocks-gallery-caption">Two cities</figcaption></figure>\n<!-- /wp:gallery -->\n\n' +
        '<!-- wp:embed {"url":"https://open.spotify.com/episode/abc","providerNameSlug":"spotify"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://open.spotify.com/episode/abc\n</div></figure>\n<!-- /wp:embed -->\n\n<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->',
    );
    assert.deepEqual(outline(html), ['table', 'figure.inline-photo', 'figure.inline-photo', 'p', 'p', 'hr']);
    assert.match(html, /^<table><caption>Turnout by district<\/caption><tbody><tr><td colspan="2">Giza<\/td><\/tr><\/tbody><\/table>/);
    assert.deepEqual(
      topLevel(html)
        .slice(1, 3)
        .map(photoOf)
        .map(({ key, caption }) => [key, caption]),
      [
        ['seoul-night-market-7f3a', 'Lanterns'],
        ['cairo-election-crowd-7f3a', undefined],
      ],
    );
    assert.match(html, /<p>Two cities<\/p>\n?<p><a href="https:\/\/open\.spotify\.com\/episode\/abc">https:\/\/open\.spotify\.com\/episode\/abc<\/a><\/p>/);
    assert.deepEqual(report, noReport);
  });
});

describe('convertWordPressContent: classic HTML', () => {
  it('takes photos out of the paragraph and link they sat in', () => {
    const { html, report } = convert(
      `<p>Before <a href="${uploads}seoul-night-market.jpg"><img class="alignnone size-full wp-image-4" src="${uploads}seoul-night-market.jpg" alt="" /></a> after.</p>\n\n<img src="${uploads}gone.jpg">Still here.`,
    );
    assert.deepEqual(outline(html), ['p', 'figure.inline-photo', 'p', 'p']);
    assert.deepEqual(
      topLevel(html).map((node) => text(node)),
      ['Before', '', 'after.', 'Still here.'],
    );
    assert.equal(photoOf(topLevel(html)[1]!).alt, 'Library alt 4');
    assert.deepEqual(report.missingImages, [`${uploads}gone.jpg`]);
  });

  it('embeds a known address alone on its line, links an unknown one, and maps embedded players and posts', () => {
    const { html } = convert(
      'Watch:\nhttp://youtu.be/aqz-KE-bpKQ\n\nhttps://example.com/a-page\n\n<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?rel=0" width="560"></iframe>\n\n' +
        '<blockquote class="twitter-tweet"><p lang="en">Polls are closed.</p>&mdash; Commission (@commission) <a href="https://twitter.com/commission/status/1234567890?ref_src=twsrc%5Etfw">March 2, 2025</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>',
    );
    assert.deepEqual(outline(html), ['p', 'figure.embed', 'p', 'figure.embed', 'figure.embed']);
    assert.deepEqual(
      topLevel(html).map((node) => node.attribs['data-url'] ?? text(node)),
      [
        'Watch:',
        'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
        'https://example.com/a-page',
        'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
        'https://x.com/commission/status/1234567890',
      ],
    );
    assert.equal(elementsNamed(topLevel(html)[2]!, 'a')[0]?.attribs.href, 'https://example.com/a-page');
  });

  it('leaves prose in brackets alone, unescapes [[shortcode]] and strips unknown shortcodes', () => {
    const { html, report } = convert('He said [sic] it was [[gallery]].\n\n[button url="https://example.com"]Donate[/button] [note /]');
    assert.equal(html, '<p>He said [sic] it was [gallery].</p>\n<p>Donate</p>');
    assert.deepEqual(report.unknownShortcodes, ['button', 'note']);
  });

  it('makes a paragraph of each div of text, and drops the more tag', () => {
    const { html } = convert('<div>서울 😀</div><div class="x">Two</div>\n<!--more-->\n<div><p>Three</p>Four</div>');
    assert.deepEqual(outline(html), ['p', 'p', 'p', 'p']);
    assert.deepEqual(
      topLevel(html).map((node) => text(node)),
      ['서울 😀', 'Two', 'Three', 'Four'],
    );
  });

  it('keeps a preformatted block’s lines and maps headings', () => {
    assert.equal(convert('<h1>Title</h1>\n<pre>line one\nline two</pre>\n<h6>Small</h6>').html, '<h2>Title</h2>\n<p>line one<br>line two</p>\n<h4>Small</h4>');
  });
});
