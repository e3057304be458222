import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commentSection, postedCommentId, readCommentForm } from '../helpers/comment-forms.ts';
import { assertHas, assertLacks, demo, depthsOf, fieldError, newsArticleJsonLd, ok, textareaValue, useCommentTestSite } from '../helpers/comment-pages.ts';
import { jsonLdBlocks } from '../helpers/html.ts';

// Replies, and how published comments show on the article, in JSON-LD and on lists.
describe('comments on the reader site', () => {
  const site = useCommentTestSite();

  describe('threads', () => {
    test('replies nest to depth 3; a reply to a depth-3 comment lands at depth 3, beside it', async () => {
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const reply = async (parent: number | null, who: string) =>
          postedCommentId(
            await site.post(demo.mekong, {
              ...ok,
              name: who,
              email: `${who.toLowerCase()}@example.com`,
              comment: `${who} speaks.`,
              parent_id: parent === null ? '' : String(parent),
            }),
          );
        const first = await reply(null, 'First');
        const second = await reply(first, 'Second');
        const third = await reply(second, 'Third');
        const fourth = await reply(third, 'Fourth');
        assert.equal((await site.storedComment(second)).parent_id, first);
        assert.equal((await site.storedComment(third)).parent_id, second);
        assert.equal((await site.storedComment(fourth)).parent_id, second, 'attached to the depth-2 comment, so it sits at depth 3');
        const section = commentSection((await site.gazette.app.inject({ url: demo.mekong })).body);
        const depths = depthsOf(section);
        assert.deepEqual(
          [first, second, third, fourth].map((id) => depths.get(id)),
          [1, 2, 3, 3],
        );
        const replyLink = (id: number) => new RegExp(`<a class="comment__reply" href="\\?replyto=${id}#respond" rel="nofollow" data-reply-to="${id}"`);
        assert.match(section, replyLink(first));
        assert.match(section, replyLink(second));
        assert.doesNotMatch(section, replyLink(third), 'no Reply at the deepest level');

        const replyForm = await site.gazette.app.inject({ url: `${demo.mekong}?replyto=${second}` });
        assert.equal(replyForm.statusCode, 200);
        assert.match(
          String(replyForm.headers['cache-control']),
          /^public, max-age=0, must-revalidate, s-maxage=\d+, stale-while-revalidate=60, stale-if-error=86400$/,
          'a reply form is a cached view of the page, like its other views, shared until its comment times go stale',
        );
        assert.equal(readCommentForm(replyForm.body).parentId, String(second));
        assertHas(replyForm.body, /Reply to <bdi>Second<\/bdi>/);
        const deepest = await site.gazette.app.inject({ url: `${demo.mekong}?replyto=${third}` });
        assert.equal(deepest.statusCode, 302, 'no reply form for a comment at the deepest level');
        assert.equal(deepest.headers.location, demo.mekong);
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });

    test('a reply to a pending, missing or other article’s comment: 422 with the text kept', async () => {
      const pending = postedCommentId(await site.post(demo.toronto, { ...ok, email: 'not.yet@example.com', comment: 'Still pending.' }));
      await site.setCommentPolicy({ moderation: 'publish' });
      const elsewhere = postedCommentId(await site.post(demo.busan, { ...ok, email: 'elsewhere@example.com', comment: 'On another article.' }));
      await site.setCommentPolicy({ moderation: 'hold-first' });
      for (const [name, parent] of [
        ['pending', pending],
        ['missing', 999_999],
        ['on another article', elsewhere],
      ] as const) {
        const text = `Replying to a ${name} comment.`;
        const response = await site.post(demo.toronto, { ...ok, email: 'replier@example.com', comment: text, parent_id: String(parent) });
        assert.equal(response.statusCode, 422, name);
        assert.ok(fieldError(response.body, 'comment'), name);
        assert.equal(textareaValue(response.body), text);
      }
    });
  });

  describe('the published section', () => {
    test('counts, JSON-LD Comment markup without emails, and the count on article lists', async () => {
      // The lists are in the page cache before the comments arrive: the counts must still show up.
      assert.equal((await site.gazette.app.inject({ url: '/science' })).statusCode, 200);
      assert.equal((await site.gazette.app.inject({ url: '/' })).statusCode, 200);
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const a = postedCommentId(
          await site.post(demo.vancouver, { ...ok, name: 'Lena Fischer', email: 'lena.private@example.com', comment: 'Whales first.' }),
        );
        const b = postedCommentId(
          await site.post(demo.vancouver, { ...ok, name: 'Omar Haddad', email: 'omar.private@example.com', comment: 'Ships too.', parent_id: String(a) }),
        );
        await site.setCommentPolicy({ moderation: 'hold-all' });
        postedCommentId(await site.post(demo.vancouver, { ...ok, name: 'Held One', email: 'held.private@example.com', comment: 'Held back.' }));
        const html = (await site.gazette.app.inject({ url: demo.vancouver })).body;
        assert.match(commentSection(html), /<h2 id="comments-heading" class="rule-heading">2 comments<\/h2>/);
        assertHas(html, /<a class="article__comment-count" href="#comments">2 comments<\/a>/);
        const article = newsArticleJsonLd(html);
        assert.equal(article.commentCount, 2);
        assert.equal(article.comment.length, 2);
        const [first, second] = article.comment as Record<string, any>[];
        assert.equal(first!['@type'], 'Comment');
        assert.deepEqual(first!.author, { '@type': 'Person', name: 'Lena Fischer' });
        assert.equal(first!.text, 'Whales first.');
        assert.ok(!Number.isNaN(Date.parse(first!.dateCreated)));
        assert.equal(first!.url, `https://news.example${demo.vancouver}#comment-${a}`);
        assert.equal(second!.parentItem?.['@id'], first!['@id'], 'a reply points at its parent');
        assert.equal(second!.url, `https://news.example${demo.vancouver}#comment-${b}`);
        const allJsonLd = JSON.stringify(jsonLdBlocks(html));
        assert.ok(!allJsonLd.includes('@example.com') && !allJsonLd.includes('private'), 'no email in JSON-LD');
        assert.ok(!html.includes('Held back.'));

        const section = (await site.gazette.app.inject({ url: '/science' })).body;
        const teaser = section.slice(section.indexOf(`href="${demo.vancouver}"`));
        assert.match(teaser.slice(0, teaser.indexOf('</li>') > 0 ? teaser.indexOf('</li>') : 2000), /2 comments/, 'the section list shows the count');
        const home = (await site.gazette.app.inject({ url: '/' })).body;
        const homeTeaser = home.slice(home.indexOf(`href="${demo.vancouver}"`));
        assert.match(homeTeaser.slice(0, homeTeaser.indexOf('</li>') > 0 ? homeTeaser.indexOf('</li>') : 2000), /2 comments/, 'the home page shows the count');
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });

    test('plain text: paragraphs, line breaks, http(s) links with rel="nofollow ugc noopener", the rest escaped', async () => {
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const text = [
          'First line <em>not emphasis</em> & "quotes"',
          'second line javascript:alert(1) and data:text/html,<b>x</b>',
          '',
          '',
          'New paragraph: https://example.org/report?a=1&b=<2> ends.',
        ].join('\r\n');
        const id = postedCommentId(await site.post(demo.aragon, { ...ok, name: 'Plain Texter', email: 'plain.texter@example.com', comment: text }));
        const section = commentSection((await site.gazette.app.inject({ url: demo.aragon })).body);
        const item = section.slice(section.indexOf(`<li id="comment-${id}"`));
        const body = /<div class="comment__body" dir="auto">([\s\S]*?)<\/div>/.exec(item)![1]!;
        assert.equal(
          body.replace(/<a href="[^"]*" rel="nofollow ugc noopener">([^<]*)<\/a>/, '<A>$1</A>'),
          '<p>First line &lt;em&gt;not emphasis&lt;/em&gt; &amp; &quot;quotes&quot;<br/>second line javascript:alert(1) and data:text/html,&lt;b&gt;x&lt;/b&gt;</p>' +
            '<p>New paragraph: <A>https://example.org/report?a=1&amp;b=&lt;2&gt;</A> ends.</p>',
        );
        const link = /<a href="([^"]*)" rel="nofollow ugc noopener">/.exec(body)![1]!;
        assert.ok(link.startsWith('https://example.org/report?a=1&amp;b='), link);
        assert.doesNotMatch(body, /href="(?:javascript|data):/i);
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });

    test('avatars are initials drawn locally; no Gravatar, no image, no hash', async () => {
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const id = postedCommentId(
          await site.post(demo.aarhus, { ...ok, name: 'Ngozi Adichie-Okoro', email: 'avatar.person@example.com', comment: 'About the stadium.' }),
        );
        const html = (await site.gazette.app.inject({ url: demo.aarhus })).body;
        const item = commentSection(html).slice(commentSection(html).indexOf(`<li id="comment-${id}"`));
        assert.match(item, /^<li[^>]*><article[^>]*><header class="comment__header"><span class="avatar avatar--\d" aria-hidden="true">NA<\/span>/);
        assertLacks(html, /gravatar/i);
        assert.doesNotMatch(commentSection(html), /<img\b/);
        assertLacks(html, /\b[0-9a-f]{32}\b|\b[0-9a-f]{64}\b/, 'no email hash of any kind');
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });

    test('newest first on request, oldest first by default', async () => {
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const older = postedCommentId(await site.post(demo.glacier, { ...ok, email: 'older@example.com', comment: 'Older one.' }));
        const newer = postedCommentId(await site.post(demo.glacier, { ...ok, email: 'newer@example.com', comment: 'Newer one.' }));
        const order = (html: string) =>
          [...commentSection(html).matchAll(/<li id="comment-(\d+)"/g)].map((match) => Number(match[1])).filter((id) => id === older || id === newer);
        assert.deepEqual(order((await site.gazette.app.inject({ url: demo.glacier })).body), [older, newer]);
        assert.deepEqual(order((await site.gazette.app.inject({ url: `${demo.glacier}?comments=newest` })).body), [newer, older]);
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });
  });
});
