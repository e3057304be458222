import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventLoopTurns, RequestTurns } from './event-loop-turns.ts';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

test('a timer gets its turn during a loop that would otherwise hold the event loop', async () => {
  const turn = eventLoopTurns(5);
  let timerRanAfterItem = -1;
  let item = 0;
  setTimeout(() => {
    timerRanAfterItem = item;
  }, 0);
  for (item = 1; item <= 20; item++) {
    busyFor(2);
    await turn();
  }
  assert.ok(timerRanAfterItem > 0 && timerRanAfterItem < 20, `the timer ran during the loop (after item ${timerRanAfterItem})`);
});

describe('request turns', () => {
  /** A clock that moves only when a test says a render took time, so no test depends on the machine's speed. */
  function manualClock() {
    let now = 0;
    return { now: () => now, spend: (ms: number) => (now += ms) };
  }

  /** Counts the turns of the event loop: an immediate that schedules itself runs once a turn. */
  function countLoopTurns() {
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    return {
      get turn() {
        return turn;
      },
      stop: () => {
        counting = false;
      },
    };
  }

  test('a render starts at once while the loop is quiet, and again until its turn has rendered for the slice', async () => {
    const clock = manualClock();
    const turns = new RequestTurns(5, clock.now);
    const first = await turns.take();
    clock.spend(2);
    first.end();
    const second = turns.take();
    assert.equal(turns.waiting, 0, 'within the slice nobody waits');
    (await second).end();
  });

  test('renders past the slice wait, start in the order they asked, one per turn of the loop', async () => {
    const clock = manualClock();
    const turns = new RequestTurns(2, clock.now);
    const loop = countLoopTurns();
    const started: [name: string, turn: number][] = [];
    const render = async (name: string) => {
      const turn = await turns.take();
      started.push([name, loop.turn]);
      clock.spend(3);
      turn.end();
    };
    // Asked in one turn of the loop, each from a callback of its own, as the requests read in one poll are.
    const renders = await new Promise<Promise<void>[]>((resolve) => {
      const asked: Promise<void>[] = [];
      for (const name of ['a', 'b', 'c', 'd']) setImmediate(() => asked.push(render(name)));
      setImmediate(() => resolve(asked));
    });
    assert.equal(turns.waiting, 3, 'the first started; the others wait');
    await Promise.all(renders);
    loop.stop();
    assert.deepEqual(
      started.map(([name]) => name),
      ['a', 'b', 'c', 'd'],
    );
    const startTurns = started.map(([, turn]) => turn);
    assert.ok(
      startTurns.every((turn, index) => index === 0 || turn > startTurns[index - 1]!),
      `each in a later turn than the one before (turns ${startTurns.join(', ')})`,
    );
  });

  test('waiters whose renders end at once all start in the next turn of the loop, one after another', async () => {
    const clock = manualClock();
    const turns = new RequestTurns(50, clock.now);
    const loop = countLoopTurns();
    const first = await turns.take();
    clock.spend(60);
    const askedInTurn = loop.turn;
    const startedInTurn: number[] = [];
    const quickRender = async () => {
      const turn = await turns.take();
      startedInTurn.push(loop.turn);
      turn.end();
    };
    const renders = [quickRender(), quickRender(), quickRender()];
    assert.equal(turns.waiting, 3, 'the first render used up its turn');
    first.end();
    await Promise.all(renders);
    loop.stop();
    assert.equal(new Set(startedInTurn).size, 1, `all three started in one turn (turns ${startedInTurn.join(', ')})`);
    assert.ok(startedInTurn[0]! > askedInTurn, 'in a later turn than the one they asked in');
  });

  test('a render that does not end in its turn lets the next waiter start in the following turn', async () => {
    const clock = manualClock();
    const turns = new RequestTurns(2, clock.now);
    const first = await turns.take();
    clock.spend(3);
    const second = turns.take();
    const third = turns.take();
    assert.equal(turns.waiting, 2);
    // The first never ends (a render waiting on the network): the waiters still start, a turn apart.
    await second;
    assert.equal(turns.waiting, 1);
    await third;
    assert.equal(turns.waiting, 0);
    first.end();
  });
});
