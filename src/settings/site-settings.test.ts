import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteSettingsFromStored } from './site-settings.ts';

test('feeds carry full text unless the newsroom chose standfirsts only; a bad value falls back', () => {
  assert.equal(siteSettingsFromStored(new Map()).feedContent, 'full');
  assert.equal(siteSettingsFromStored(new Map([['feedContent', 'summary']])).feedContent, 'summary');
  assert.equal(siteSettingsFromStored(new Map([['feedContent', 'everything']])).feedContent, 'full');
  assert.equal(siteSettingsFromStored(new Map([['feedContent', 1]])).feedContent, 'full');
});
