import { jsonForScript } from '../render/safe-html.ts';

/** Where the rich editor's bundle (editor-client/messages.ts) looks for its words. */
export const messagesIslandId = 'newsroom-messages';

/**
 * The browser's words for the newsroom's language, as JSON it reads once and formats itself (ICU, with
 * intl-messageformat). A JSON script is data, never run, so the Content-Security-Policy without
 * 'unsafe-inline' lets it be; `jsonForScript` escapes "<", so no message can close the element early.
 * `locale` is the words' language (plural rules, numbers); `hourCycle` where its newsrooms write times otherwise.
 */
export function MessagesIsland({
  locale,
  hourCycle,
  messages,
}: {
  locale: string;
  hourCycle?: string | undefined;
  messages: Readonly<Record<string, string>>;
}) {
  return (
    <script type="application/json" id={messagesIslandId} data-locale={locale} data-hour-cycle={hourCycle}>
      {jsonForScript(messages)}
    </script>
  );
}
