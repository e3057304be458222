import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonForScript, renderDocument, renderFragment, textAsHtml } from './safe-html.ts';

test('JSON in a script block cannot close the block', () => {
  const json = String(jsonForScript({ headline: '</script><script>alert(1)</script>' }));
  assert.ok(!json.includes('</script>'));
  assert.deepEqual(JSON.parse(json), { headline: '</script><script>alert(1)</script>' });
});

test('a document starts with the HTML5 doctype', () => {
  assert.equal(renderDocument('<html></html>'), '<!DOCTYPE html><html></html>');
});

test('an async component tree is refused rather than rendered as [object Promise]', () => {
  assert.throws(() => renderDocument(Promise.resolve('x')), TypeError);
});

test('text becomes HTML that shows exactly that text', () => {
  assert.equal(String(textAsHtml(`<img src=x onerror="alert(4)"> & 'it'`)), '&lt;img src=x onerror=&quot;alert(4)&quot;&gt; &amp; &#39;it&#39;');
});

test('a fragment is serialised as it is, and an async one is refused', () => {
  assert.equal(String(renderFragment(textAsHtml('<p>'))), '&lt;p&gt;');
  assert.throws(() => renderFragment(Promise.resolve(textAsHtml('x'))), TypeError);
});
