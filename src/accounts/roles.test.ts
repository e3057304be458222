import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Action, can, outranks, type Role, roles } from './roles.ts';

// Every role against every action: a change to the grants must change this table on purpose.
const allowed: Record<Action, readonly Role[]> = {
  'view-admin': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'manage-settings': ['owner', 'admin'],
  'manage-users': ['owner', 'admin'],
  'view-audit-log': ['owner', 'admin'],
  'edit-any-article': ['owner', 'admin', 'editor'],
  'publish-any-article': ['owner', 'admin', 'editor'],
  'edit-own-article': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'publish-own-article': ['owner', 'admin', 'editor', 'author'],
  'trash-any-article': ['owner', 'admin', 'editor'],
  'trash-own-article': ['owner', 'admin', 'editor', 'author'],
  'delete-trashed-article': ['owner', 'admin', 'editor'],
  'moderate-comments': ['owner', 'admin', 'editor'],
  'manage-sections-and-tags': ['owner', 'admin', 'editor'],
  'describe-any-image': ['owner', 'admin', 'editor'],
  'describe-own-image': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'delete-any-image': ['owner', 'admin', 'editor'],
  'manage-webhooks': ['owner', 'admin'],
};

for (const [action, permitted] of Object.entries(allowed) as [Action, readonly Role[]][]) {
  for (const role of roles) {
    const expected = permitted.includes(role);
    test(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
      assert.equal(can({ role }, action), expected);
    });
  }
}

test('each role outranks exactly the roles below it', () => {
  const below: Record<Role, readonly Role[]> = {
    owner: ['admin', 'editor', 'author', 'contributor'],
    admin: ['editor', 'author', 'contributor'],
    editor: ['author', 'contributor'],
    author: ['contributor'],
    contributor: [],
  };
  for (const actor of roles) {
    for (const member of roles) assert.equal(outranks({ role: actor }, { role: member }), below[actor].includes(member), `${actor} over ${member}`);
  }
});
