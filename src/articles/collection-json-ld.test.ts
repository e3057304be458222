import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemaOrgProblems } from '../../test/helpers/schema-org.ts';
import { breadcrumbListJsonLd, collectionPageJsonLd, profilePageJsonLd } from './collection-json-ld.ts';

const site = { name: 'The Harbour Gazette', publicUrl: 'https://news.example' };

const world = {
  name: 'World',
  description: 'News from everywhere.',
  url: 'https://news.example/world?page=2',
  firstPosition: 13,
  stories: [
    { url: 'https://news.example/world/harbour-reopens', headline: 'Harbour reopens' },
    { url: 'https://news.example/world/cranes-go-remote', headline: 'Cranes go remote' },
  ],
};

test('a section or topic page is a CollectionPage listing its stories in order', () => {
  const data = collectionPageJsonLd(world, site) as Record<string, any>;
  assert.deepEqual(schemaOrgProblems(data), []);
  assert.equal(data['@type'], 'CollectionPage');
  assert.equal(data.url, 'https://news.example/world?page=2');
  assert.deepEqual(data.isPartOf, { '@type': 'WebSite', name: 'The Harbour Gazette', url: 'https://news.example/' });
  assert.deepEqual(
    data.mainEntity.itemListElement.map((item: Record<string, unknown>) => [item.position, item.url, item.name]),
    [
      [13, 'https://news.example/world/harbour-reopens', 'Harbour reopens'],
      [14, 'https://news.example/world/cranes-go-remote', 'Cranes go remote'],
    ],
  );
});

test('an empty description or story list is left out rather than sent blank', () => {
  const data = collectionPageJsonLd({ ...world, description: '', stories: [] }, site) as Record<string, unknown>;
  assert.equal('description' in data, false);
  assert.equal('mainEntity' in data, false, 'an empty list is left out too');
  assert.deepEqual(schemaOrgProblems(data), []);
});

test("an author's page is a ProfilePage whose main entity is the Person", () => {
  const data = profilePageJsonLd({ name: 'Mina Park', description: 'Covers the port.', url: 'https://news.example/author/mina-park' }, site) as Record<
    string,
    any
  >;
  assert.deepEqual(schemaOrgProblems(data), []);
  assert.equal(data['@type'], 'ProfilePage');
  assert.deepEqual(data.mainEntity, {
    '@type': 'Person',
    name: 'Mina Park',
    url: 'https://news.example/author/mina-park',
    description: 'Covers the port.',
  });
});

test('breadcrumbs run Home › Section › Article with positions, names and absolute items', () => {
  const data = breadcrumbListJsonLd([
    { name: 'The Harbour Gazette', url: 'https://news.example/' },
    { name: 'World', url: 'https://news.example/world' },
    { name: 'Harbour reopens', url: 'https://news.example/world/harbour-reopens' },
  ]) as Record<string, any>;
  assert.deepEqual(schemaOrgProblems(data), []);
  assert.deepEqual(data.itemListElement, [
    { '@type': 'ListItem', position: 1, name: 'The Harbour Gazette', item: 'https://news.example/' },
    { '@type': 'ListItem', position: 2, name: 'World', item: 'https://news.example/world' },
    { '@type': 'ListItem', position: 3, name: 'Harbour reopens', item: 'https://news.example/world/harbour-reopens' },
  ]);
});

test('the checker itself rejects unknown types, missing required properties and misplaced ones', () => {
  assert.deepEqual(schemaOrgProblems({ '@context': 'https://schema.org', '@type': 'Person' }), ['Person (Person): missing name']);
  assert.deepEqual(schemaOrgProblems({ '@context': 'https://schema.org', '@type': 'Persona', name: 'x' }), ['Persona: unknown @type "Persona"']);
  assert.deepEqual(schemaOrgProblems({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: [], hasPart: [] }), [
    'ItemList (ItemList): missing itemListElement',
    'ItemList (ItemList): hasPart is not a property of ItemList',
  ]);
});
