import type { Dice } from './dice.ts';
import { capitalised, personNames, zipfSampler } from './vocabulary.ts';

/**
 * Newsroom prose from a Zipf vocabulary: a handful of words everywhere and a long tail of rare ones,
 * as in real text, so full-text search meets both. Only characters that stored HTML keeps as they
 * are (no &, <, > or straight quotes), so a body's text is its paragraphs joined by spaces, exactly
 * what search indexes of it.
 */

/** Where stories are filed from, as the dateline shows them. */
const datelines = (
  'LONDON,NEW YORK,PARIS,BERLIN,BRUSSELS,WASHINGTON,NAIROBI,LAGOS,JOHANNESBURG,CAIRO,MUMBAI,DELHI,DHAKA,SINGAPORE,JAKARTA,MANILA,TOKYO,' +
  'SEOUL,BUSAN,HONG KONG,SYDNEY,MELBOURNE,AUCKLAND,TORONTO,VANCOUVER,MEXICO CITY,SAO PAULO,BUENOS AIRES,LIMA,BOGOTA,MADRID,LISBON,ROME,' +
  'ATHENS,ISTANBUL,WARSAW,KYIV,STOCKHOLM,OSLO,COPENHAGEN,DUBLIN,EDINBURGH,GENEVA,VIENNA,PRAGUE,BUDAPEST,ROTTERDAM,AARHUS,ADELAIDE,CAPE TOWN'
).split(',');

/** Headlines, crossheads and tags skip this many of the commonest words ("the", "of"), as sub-editors do. */
const contentOffset = 60;
const minBodyWords = 400;
const maxBodyWords = 1500;
/** How much of the body's words are drawn outside the vocabulary: names and figures. */
const properNounShare = 0.03;
const figureShare = 0.012;

export class Writer {
  readonly #dice: Dice;
  readonly #vocabulary: readonly string[];
  readonly #word: () => number;
  readonly #contentWord: () => number;
  readonly #names = personNames();
  readonly #familyName: () => number;

  constructor(dice: Dice, vocabulary: readonly string[]) {
    this.#dice = dice;
    this.#vocabulary = vocabulary;
    this.#word = zipfSampler(vocabulary.length, 1, dice.random);
    this.#contentWord = zipfSampler(vocabulary.length - contentOffset, 1, dice.random);
    this.#familyName = zipfSampler(this.#names.family.length, 0.9, dice.random);
  }

  word(): string {
    return this.#vocabulary[this.#word()]!;
  }

  contentWord(): string {
    return this.#vocabulary[contentOffset + this.#contentWord()]!;
  }

  /** The rank-th word of the vocabulary counted from the first content word, for names that must differ. */
  contentWordAt(rank: number): string {
    return this.#vocabulary[contentOffset + (rank % (this.#vocabulary.length - contentOffset))]!;
  }

  givenName(): string {
    return this.#dice.pick(this.#names.given);
  }

  familyName(): string {
    return this.#names.family[this.#familyName()]!;
  }

  personName(): string {
    return `${this.givenName()} ${this.familyName()}`;
  }

  dateline(): string {
    return this.#dice.chance(0.2) ? '' : this.#dice.pick(datelines);
  }

  #figure(): string {
    const dice = this.#dice;
    const kind = dice.weighted([5, 3, 2]);
    if (kind === 0) return String(dice.between(2, 999));
    if (kind === 1) return String(dice.between(1950, 2026));
    return `${dice.between(1, 99)} per cent`;
  }

  /** A sentence of about `length` words, capitalised, with the odd comma, name and figure. */
  sentence(length: number, end = '.'): string {
    // The hottest loop of a big seed (a billion words): one string grown in place, no array to join.
    const random = this.#dice.random;
    let text = '';
    for (let index = 0; index < length; index++) {
      const roll = random();
      const word = roll < properNounShare ? this.familyName() : roll < properNounShare + figureShare ? this.#figure() : this.word();
      text = index === 0 ? capitalised(word) : `${text} ${word}`;
      if (index < length - 1 && random() < 0.06) text += ',';
    }
    return text + end;
  }

  /** One in ten sentences is somebody speaking. */
  #reportedSentence(): string {
    const length = this.#dice.between(8, 30);
    if (!this.#dice.chance(0.1)) return this.sentence(length);
    return `“${this.sentence(length, ',')}” said ${this.personName()}.`;
  }

  headline(): string {
    const words = Array.from({ length: this.#dice.between(5, 11) }, () => (this.#dice.chance(0.12) ? this.familyName() : this.contentWord()));
    // The newsroom's checklist warns past 110 characters; sub-editors keep well inside it.
    while (words.join(' ').length > 100) words.pop();
    return capitalised(words.join(' '));
  }

  standfirst(): string {
    return Array.from({ length: this.#dice.between(1, 2) }, () => this.sentence(this.#dice.between(14, 30))).join(' ');
  }

  /** 400 to 1,500 words in paragraphs with the odd crosshead, as stored HTML and as the text search indexes. */
  body(): { html: string; text: string } {
    const dice = this.#dice;
    // Most stories run 500 to 900 words; features run long.
    const target = minBodyWords + Math.floor((maxBodyWords - minBodyWords - 50) * dice.random() ** 1.4);
    const html: string[] = [];
    const text: string[] = [];
    let words = 0;
    const add = (block: string, tag: 'p' | 'h2', blockWords: number) => {
      html.push(`<${tag}>${block}</${tag}>`);
      text.push(block);
      words += blockWords;
    };
    while (words < target) {
      if (html.length >= 4 && dice.chance(0.08)) {
        const crosshead = Array.from({ length: dice.between(2, 5) }, () => this.contentWord());
        add(capitalised(crosshead.join(' ')), 'h2', crosshead.length);
      }
      const sentences: string[] = [];
      let paragraphWords = 0;
      for (let count = dice.between(2, 5); sentences.length < count && words + paragraphWords < target; ) {
        const sentence = this.#reportedSentence();
        const sentenceWords = countWords(sentence);
        // A sentence rarely runs past 40 words, but the ceiling holds whatever it draws.
        if (words + paragraphWords + sentenceWords > maxBodyWords) break;
        sentences.push(sentence);
        paragraphWords += sentenceWords;
      }
      if (sentences.length === 0) break;
      add(sentences.join(' '), 'p', paragraphWords);
    }
    return { html: html.join(''), text: text.join(' ') };
  }

  /** A reader's comment: a line or a few short paragraphs, as typed (blank lines between paragraphs). */
  commentBody(): string {
    const dice = this.#dice;
    const paragraphs = Array.from({ length: dice.weighted([6, 3, 1]) + 1 }, () =>
      Array.from({ length: dice.between(1, 3) }, () => this.sentence(dice.between(5, 22), dice.chance(0.1) ? '?' : '.')).join(' '),
    );
    return paragraphs.join('\n\n');
  }
}

/** Words as the checklist counts them (the writer puts one space between words): spaces, plus one. */
export function countWords(text: string): number {
  let words = 1;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) words++;
  return words;
}
