import cliProgress from 'cli-progress';

/** How far the seed has got, in articles and comments handed to the database. */
export interface SeedProgress {
  start(articles: number, comments: number): void;
  advance(articles: number, comments: number): void;
  stop(): void;
}

export const quietProgress: SeedProgress = { start() {}, advance() {}, stop() {} };

/** Two bars on a terminal; elsewhere (a log, CI) a line every ten seconds. */
export function terminalSeedProgress(stream: NodeJS.WriteStream = process.stderr): SeedProgress {
  if (stream.isTTY) {
    const bars = new cliProgress.MultiBar(
      { stream, format: '{name} {bar} {value}/{total} · {rate}/s · {duration_formatted}', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let articles: cliProgress.SingleBar | undefined;
    let comments: cliProgress.SingleBar | undefined;
    let started = Date.now();
    let done = { articles: 0, comments: 0 };
    const rate = (value: number) => Math.round(value / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en');
    return {
      start(articleTotal, commentTotal) {
        started = Date.now();
        done = { articles: 0, comments: 0 };
        articles = bars.create(articleTotal, 0, { name: 'Articles', rate: '0' });
        comments = bars.create(commentTotal, 0, { name: 'Comments', rate: '0' });
      },
      advance(articleCount, commentCount) {
        done = { articles: done.articles + articleCount, comments: done.comments + commentCount };
        articles?.update(done.articles, { rate: rate(done.articles) });
        comments?.update(done.comments, { rate: rate(done.comments) });
      },
      stop: () => bars.stop(),
    };
  }
  let done = { articles: 0, comments: 0 };
  let totals = { articles: 0, comments: 0 };
  let started = Date.now();
  let lastLine = 0;
  const line = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const part = (name: keyof typeof done) =>
      `${name} ${done[name].toLocaleString('en')}/${totals[name].toLocaleString('en')} (${Math.round(done[name] / seconds).toLocaleString('en')}/s)`;
    stream.write(`${part('articles')}, ${part('comments')}\n`);
    lastLine = Date.now();
  };
  return {
    start(articles, comments) {
      totals = { articles, comments };
      done = { articles: 0, comments: 0 };
      started = Date.now();
      lastLine = started;
    },
    advance(articles, comments) {
      done = { articles: done.articles + articles, comments: done.comments + comments };
      if (Date.now() - lastLine >= 10_000) line();
    },
    stop: line,
  };
}
