import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Role, roles } from '../accounts/index.ts';
import { sentenceIn } from '../errors.ts';
import { newsroomTranslator } from '../i18n/index.ts';
import { whyCannotDelete, whyCannotDescribe } from './image-permissions.ts';

const me = 7;
const situations = {
  'their own upload, unused': { uploadedBy: me, usage: [], isSiteLogo: false },
  'their own upload, in a draft': { uploadedBy: me, usage: [{ status: 'draft' }], isSiteLogo: false },
  'their own upload, in a scheduled article': { uploadedBy: me, usage: [{ status: 'draft' }, { status: 'scheduled' }], isSiteLogo: false },
  'their own upload, in a published article': { uploadedBy: me, usage: [{ status: 'published' }], isSiteLogo: false },
  'their own upload, the site logo': { uploadedBy: me, usage: [], isSiteLogo: true },
  'someone else’s upload, unused': { uploadedBy: me + 1, usage: [], isSiteLogo: false },
  'an image with no known uploader, unused': { uploadedBy: null, usage: [], isSiteLogo: false },
} as const;

// Every role in every situation: a change to who may describe what must change this table on purpose.
const mayDescribe: Record<keyof typeof situations, readonly Role[]> = {
  'their own upload, unused': roles,
  'their own upload, in a draft': roles,
  'their own upload, in a scheduled article': ['owner', 'admin', 'editor'],
  'their own upload, in a published article': ['owner', 'admin', 'editor'],
  'their own upload, the site logo': ['owner', 'admin', 'editor'],
  'someone else’s upload, unused': ['owner', 'admin', 'editor'],
  'an image with no known uploader, unused': ['owner', 'admin', 'editor'],
};

for (const [name, situation] of Object.entries(situations) as [keyof typeof situations, (typeof situations)[keyof typeof situations]][]) {
  for (const role of roles) {
    const expected = mayDescribe[name].includes(role);
    test(`${role} ${expected ? 'may' : 'may not'} describe ${name}`, () => {
      const refusal = whyCannotDescribe({ id: me, role }, { uploadedBy: situation.uploadedBy }, situation);
      if (expected) assert.equal(refusal, undefined);
      else assert.match(refusal ? sentenceIn(refusal) : '', /Ask an editor|ask an editor/);
    });
  }
}

test('only editors, admins and owners delete, whoever uploaded the image', () => {
  assert.deepEqual(
    roles.filter((role) => whyCannotDelete({ id: me, role }) === undefined),
    ['owner', 'admin', 'editor'],
  );
  const refusal = whyCannotDelete({ id: me, role: 'author' });
  assert.match(refusal ? sentenceIn(refusal) : '', /Only editors, admins and owners/);
  assert.equal(
    refusal && sentenceIn(refusal, newsroomTranslator('ko')),
    '라이브러리의 사진은 편집자, 관리자, 소유자만 삭제할 수 있습니다.',
    'and in a Korean newsroom’s words',
  );
});
