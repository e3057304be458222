import cliProgress from 'cli-progress';

import { type ImportPhaseName, importSentenceIn, isImportPhase, phasePhrase, type Progress } from '../imports/index.ts';

/** A phase as the command line prints it: in English, capitalised ("Sections and tags"); a table of Gazette's own export by its name. */
export function phaseLabel(name: ImportPhaseName): string {
  if (!isImportPhase(name)) return name;
  const words = importSentenceIn(phasePhrase(name));
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A bar with counts and rate on a terminal; on anything else (a log, a pipe, CI) one plain line per
 * phase and then one every few seconds, so the output stays readable.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, secondsBetweenLines = 5): Progress {
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    let value = 0;
    let started = Date.now();
    const finish = () => {
      bar?.stop();
      bar = undefined;
    };
    return {
      phase(name, total) {
        finish();
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${phaseLabel(name).padEnd(10)} {bar} {value}/{total} · {rate}/s · {duration_formatted}`,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        value = 0;
        started = Date.now();
        bar.start(total ?? 0, 0, { rate: '0' });
      },
      advance(count = 1) {
        if (!bar) return;
        value += count;
        // A phase whose size is not known up front grows its bar as it goes.
        if (value > bar.getTotal()) bar.setTotal(value);
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        bar.increment(count, { rate: Math.round(value / seconds).toLocaleString('en') });
      },
      done: finish,
    };
  }
  let name = '';
  let value = 0;
  let total: number | undefined;
  let started = Date.now();
  let lastLine = 0;
  const line = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    stream.write(
      `${name}: ${value.toLocaleString('en')}${total ? ` of ${total.toLocaleString('en')}` : ''} (${Math.round(value / seconds).toLocaleString('en')}/s)\n`,
    );
    lastLine = Date.now();
  };
  return {
    phase(next, nextTotal) {
      if (name) line();
      name = phaseLabel(next);
      value = 0;
      total = nextTotal;
      started = Date.now();
      stream.write(`${name}…\n`);
      lastLine = Date.now();
    },
    advance(count = 1) {
      value += count;
      if (Date.now() - lastLine >= secondsBetweenLines * 1000) line();
    },
    done() {
      if (name) line();
      name = '';
    },
  };
}
