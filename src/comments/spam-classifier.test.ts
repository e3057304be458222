import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InMemorySpamModel, judgeSpam, minimumTrainingDocuments, spamFeatures, spamThresholds } from './spam-classifier.ts';
import { maxFeaturesPerText } from './spam-features.ts';

const spam = [
  'BUY CHEAP VIAGRA NOW!!! Click here: https://cheap-pills.example/buy and save 80% today',
  'Earn $5000 a week working from home, click here to start: http://www.easy-money.example/join',
  'Best online casino bonus, free spins, click here https://lucky-casino.example/free-spins',
  'Cheap replica watches and bags, free shipping, order now at www.replica-shop.example',
  'Make money fast!!! Guaranteed income $$$ click here http://easy-money.example/now',
  'Hot singles in your area are waiting, click here https://dating-now.example',
  'FREE crypto giveaway, send 0.1 BTC and get 1 BTC back, visit https://btc-double.example',
  'Lose 20 pounds in 2 weeks with this one weird trick, buy now at https://slim-fast-pills.example',
  'Cheap pills online without prescription, order now https://cheap-pills.example/order',
  'Win a free iPhone!!! Click here to claim your prize https://prize-claim.example',
];

const ham = [
  'The council should publish the full harbour report before the vote on Thursday.',
  'Thanks for this article, my grandmother worked at the old mill and remembers the strike.',
  'I disagree with the editorial: the bus lanes have made my commute shorter, not longer.',
  'Could you correct the date in the third paragraph? The bridge opened in 1932, not 1923.',
  'Great reporting on the flooding. Is there a map of the affected streets?',
  'The school board meeting minutes are on their website if anyone wants to read them.',
  'My neighbours and I have been asking the council about the potholes on Mill Lane for months.',
  'Interesting interview with the mayor, but she did not answer the question about the budget.',
  'The photos of the regatta are lovely, well done to the photographer.',
  'As a nurse at the hospital I can confirm the waiting times described here are accurate.',
];

function trainedModel(): InMemorySpamModel {
  const model = new InMemorySpamModel();
  for (const text of spam) model.train(text, 'spam');
  for (const text of ham) model.train(text, 'ham');
  return model;
}

test('the literal training data is enough to leave the cold start', () => {
  assert.ok(spam.length >= minimumTrainingDocuments && ham.length >= minimumTrainingDocuments);
  assert.ok(spamThresholds.hold > 0.5 && spamThresholds.hold < spamThresholds.spam && spamThresholds.spam < 1);
});

test('an untrained model, or one short of either class, does not judge', () => {
  assert.deepEqual(new InMemorySpamModel().judge('BUY CHEAP PILLS https://cheap-pills.example'), { probability: 0.5, evidence: [] });
  const spamOnly = new InMemorySpamModel();
  for (const text of spam) spamOnly.train(text, 'spam');
  for (const text of ham.slice(1)) spamOnly.train(text, 'ham');
  assert.equal(spamOnly.judge(spam[0]!).probability, 0.5);
});

test('a trained model marks new spam as spam and lets a news comment through', () => {
  const model = trainedModel();
  const spammy = model.judge('Click here for cheap pills, order now!!! https://cheap-pills.example/deal');
  assert.ok(spammy.probability >= spamThresholds.spam, `spam scored ${spammy.probability}`);
  const comment = model.judge('The council vote on the harbour report was postponed; thanks for the article.');
  assert.ok(comment.probability < spamThresholds.hold, `comment scored ${comment.probability}`);
});

test('words the model has never seen leave the verdict at 0.5', () => {
  assert.deepEqual(trainedModel().judge('Zyxwv qwertz plumbum'), { probability: 0.5, evidence: [] });
});

test('untraining a decision restores the counts and the verdict exactly', () => {
  const model = trainedModel();
  const reversed = 'Click here to read the council harbour report, it is free';
  const probe = 'Free harbour report, click here';
  const features = [...new Set([...spamFeatures(reversed), ...spamFeatures(probe)])];
  const before = { counts: model.countsFor(features), totals: model.totals, verdict: model.judge(probe) };
  model.train(reversed, 'spam');
  assert.notDeepEqual(model.countsFor(features), before.counts);
  model.untrain(reversed, 'spam');
  assert.deepEqual({ counts: model.countsFor(features), totals: model.totals, verdict: model.judge(probe) }, before);
});

test('evidence is at most five features, strongest first, each with its own probability', () => {
  const verdict = trainedModel().judge(`${spam[0]} ${spam[2]} ${spam[4]}`);
  assert.ok(verdict.evidence.length > 0 && verdict.evidence.length <= 5);
  const strengths = verdict.evidence.map(({ probability }) => Math.abs(probability - 0.5));
  assert.deepEqual(
    strengths,
    [...strengths].sort((a, b) => b - a),
  );
  for (const { probability } of verdict.evidence) assert.ok(probability > 0 && probability < 1);
});

test('judgeSpam reads only the counts it is given and ignores empty ones', () => {
  const totals = { spamDocuments: 50, hamDocuments: 50 };
  const counts = new Map([
    ['casino', { spam: 40, ham: 0 }],
    ['harbour', { spam: 0, ham: 0 }],
  ]);
  const verdict = judgeSpam(['casino', 'harbour', 'unknown'], counts, totals);
  assert.ok(verdict.probability > 0.5);
  assert.deepEqual(
    verdict.evidence.map(({ feature }) => feature),
    ['casino'],
  );
  assert.equal(judgeSpam([], counts, totals).probability, 0.5);
});

test('features are distinct, lower-case words and pairs, with links, money and shouting marked', () => {
  const features = spamFeatures('FREE free FREE money $100 at https://shop.cheap-pills.example/x and mail sales@cheap-pills.example');
  assert.equal(new Set(features).size, features.length);
  for (const expected of [
    'free',
    'caps:free',
    'free free',
    'money',
    '100',
    'url:shop.cheap-pills.example',
    'url:cheap-pills.example',
    'email:cheap-pills.example',
  ]) {
    assert.ok(features.includes(expected), expected);
  }
  assert.ok(!features.some((feature) => feature.includes('@')), 'an address is never kept whole');
  assert.ok(spamFeatures('call 07700900123').includes('number:11'), 'a phone number is kept only by its length');
});

test('hostile input is judged quickly, with a bounded number of short features', () => {
  const model = trainedModel();
  const hostile = [
    'a'.repeat(100_000),
    `${'spam '.repeat(20_000)}`,
    Array.from({ length: 30_000 }, (_, index) => `w${index}`).join(' '),
    `null\u0000bytes\u0000${'\u0000'.repeat(50_000)}`,
    `\u202Egnp.exe${'\u202E'.repeat(10_000)} reversed`,
    '💸🎰🔥'.repeat(30_000),
    '\uFDFA'.repeat(100_000),
    'a@'.repeat(50_000),
    `${'x.'.repeat(40_000)}com`,
    `http://${'a'.repeat(100_000)}`,
    `sales@${'a-'.repeat(40_000)}`,
  ];
  for (const text of hostile) {
    // The process's CPU time, not the clock's: a test process sharing the machine with others may wait
    // its turn, which says nothing of the work an input costs (each takes tens of milliseconds alone).
    const started = process.cpuUsage();
    const features = spamFeatures(text);
    const { probability } = model.judge(text);
    model.train(text, 'spam');
    model.untrain(text, 'spam');
    const { user, system } = process.cpuUsage(started);
    const cpuMs = (user + system) / 1000;
    assert.ok(cpuMs < 2_000, `${text.slice(0, 20)}… took ${cpuMs} ms of CPU`);
    assert.ok(probability >= 0 && probability <= 1 && !Number.isNaN(probability));
    assert.ok(features.length <= maxFeaturesPerText);
    assert.ok(
      features.every((feature) => feature.length <= 160),
      `${text.slice(0, 20)}… gave a long feature`,
    );
  }
  assert.ok(spamFeatures('look \u202Eharmless').includes('char:bidi'));
});
