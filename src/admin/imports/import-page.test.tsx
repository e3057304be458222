import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportJob } from '../../imports/index.ts';
import type { AdminChrome } from '../admin-document.tsx';
import { renderImportJobPage } from './import-page.tsx';
import { testChromeIn } from '../admin-chrome.test-support.ts';

function chromeIn(language: string): AdminChrome {
  return testChromeIn(language, '/admin/import/1');
}

const emptyReport = { dryRun: true, counts: {}, notes: [], notesLeftOut: 0, unmappedFields: {} };

function runningJob(phase: string): ImportJob {
  return { id: 1, kind: 'wordpress', fileName: 'export.xml', state: 'running', phase, done: 3, total: 7, dryRunReport: emptyReport, report: null, error: null };
}

/** The sentence the page speaks when the phase changes. */
function phaseShown(language: string, phase: string): string {
  const html = renderImportJobPage(chromeIn(language), { job: runningJob(phase), scriptUrl: '/assets/admin-import.js' });
  const found = /<span role="status" data-import-phase[^>]*>([^<]*)<\/span>/.exec(html);
  assert.ok(found, 'the page shows the phase');
  return found[1]!;
}

test('a running import’s phase is put in the newsroom’s words, whether stored as an identifier or as the English name older jobs stored', () => {
  assert.equal(phaseShown('en', 'articles'), 'Importing: articles.');
  assert.equal(phaseShown('en', 'sections-and-tags'), 'Importing: sections and tags.');
  assert.equal(phaseShown('en', 'Sections and tags'), 'Importing: sections and tags.', 'a job stored before phases were identifiers');
  assert.equal(phaseShown('ko', 'articles'), '가져오는 중: 기사.');
  assert.equal(phaseShown('ko', 'old-addresses'), '가져오는 중: 이전 주소.');
  assert.equal(phaseShown('ko', 'Old addresses'), '가져오는 중: 이전 주소.', 'a job stored before phases were identifiers');
  assert.equal(phaseShown('ar', 'photos'), 'جارٍ الاستيراد: الصور.');
  assert.equal(phaseShown('ar', 'Checking the files'), 'جارٍ الاستيراد: فحص الملفات.');
});

test('a phase the page does not know (a table of Gazette’s own export) is shown by its name inside a translated phrase', () => {
  assert.equal(phaseShown('en', 'article_tags'), 'Importing: the article_tags table.');
  assert.equal(phaseShown('ko', 'article_tags'), '가져오는 중: article_tags 테이블.');
  assert.equal(phaseShown('ar', 'article_tags'), 'جارٍ الاستيراد: جدول article_tags.');
});

test('a report’s notes are put in the newsroom’s words when stored with a phrase, and shown as stored when not', () => {
  const report = {
    ...emptyReport,
    counts: { articles: { skipped: 3 }, products: { skipped: 1 } },
    notes: [
      {
        kind: 'articles',
        sourceId: '16',
        title: 'Old draft',
        outcome: 'skipped' as const,
        reason: 'in the WordPress trash',
        phrase: { key: 'imports.reason.wordpressTrash' },
      },
      { kind: 'articles', sourceId: '17', title: 'Older report', outcome: 'skipped' as const, reason: 'stored in English before phrases' },
      {
        kind: 'articles',
        sourceId: '18',
        title: 'Renamed key',
        outcome: 'skipped' as const,
        reason: 'English kept for a key gone since',
        phrase: { key: 'imports.reason.gone' },
      },
    ],
  };
  // As read back from the database, where nothing checks the keys the type promises.
  const job: ImportJob = { ...runningJob(''), state: 'checked', dryRunReport: report as unknown as ImportJob['dryRunReport'] };
  const html = renderImportJobPage(chromeIn('ko'), { job, scriptUrl: '/assets/admin-import.js' });
  assert.ok(html.includes('<th scope="row">기사</th>'), 'what is counted, in Korean');
  assert.ok(html.includes('<th scope="row">products</th>'), 'a kind the page has no word for, as named');
  assert.ok(html.includes('<td>WordPress 휴지통에 있음</td>'));
  assert.ok(!html.includes('in the WordPress trash'));
  assert.ok(html.includes('<td>stored in English before phrases</td>'));
  assert.ok(html.includes('<td>English kept for a key gone since</td>'));
});
