import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createMailer } from './mailer.ts';

/** Enough of SMTP for one client to hand over messages: every command accepted, each message's text kept. */
async function startSmtpServer(): Promise<{ url: string; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let buffered = '';
    let data: string[] | undefined;
    socket.write('220 mail.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let end = buffered.indexOf('\r\n');
      while (end !== -1) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        end = buffered.indexOf('\r\n');
        if (data) {
          if (line === '.') {
            messages.push(data.join('\n'));
            data = undefined;
            socket.write('250 queued\r\n');
          } else data.push(line);
        } else if (/^DATA/i.test(line)) {
          data = [];
          socket.write('354 go on\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write(/^EHLO/i.test(line) ? '250 mail.test\r\n' : '250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('with SMTP_URL a message goes out through SMTP, with its headers', async () => {
  const smtp = await startSmtpServer();
  try {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'newsroom@news.example', log: { warn: () => assert.fail('nothing is logged') } });
    const delivery = await mailer.send({
      to: 'reader@example.org',
      subject: 'Your comment',
      text: 'It is live.',
      headers: { 'List-Unsubscribe': '<https://news.example/u>' },
    });
    assert.equal(delivery, 'sent');
    assert.equal(await mailer.send({ to: 'editor@example.org', subject: 'Second', text: 'Again.' }), 'sent', 'the same transport sends again');
    assert.equal(smtp.messages.length, 2);
    assert.match(smtp.messages[0] ?? '', /^Subject: Your comment$/m);
    assert.match(smtp.messages[0] ?? '', /^List-Unsubscribe: <https:\/\/news\.example\/u>$/m);
    assert.match(smtp.messages[0] ?? '', /It is live\./);
  } finally {
    await smtp.close();
  }
});

test('without SMTP_URL a message is written to the log instead', async () => {
  const logged: unknown[] = [];
  const mailer = createMailer({ smtpUrl: undefined, from: 'newsroom@news.example', log: { warn: (entry: unknown) => logged.push(entry) } });
  assert.equal(await mailer.send({ to: 'reader@example.org', subject: 'Hello', text: 'Link: https://news.example/x' }), 'logged');
  assert.deepEqual(logged, [{ to: 'reader@example.org', subject: 'Hello', text: 'Link: https://news.example/x' }]);
});
