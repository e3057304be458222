import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonForScript, renderDocument } from './safe-html.ts';

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
