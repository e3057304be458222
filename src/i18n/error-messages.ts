import type { MessageKey } from './catalog-en.ts';

const titles: Readonly<Record<number, MessageKey>> = {
  400: 'error.title.400',
  404: 'error.title.404',
  410: 'error.title.410',
  413: 'error.title.413',
  415: 'error.title.415',
  429: 'error.title.429',
  500: 'error.title.500',
  503: 'error.title.503',
};

const messages: Readonly<Record<number, MessageKey>> = {
  400: 'error.message.400',
  403: 'error.message.403',
  404: 'error.message.404',
  410: 'error.message.410',
  413: 'error.message.413',
  415: 'error.message.415',
  422: 'error.message.422',
  429: 'error.message.429',
  500: 'error.message.500',
  503: 'error.message.503',
};

/** An error page's heading for an HTTP status: its own, the 500's for any server error, else a general one. */
export function errorTitleKey(status: number): MessageKey {
  return titles[status] ?? (status >= 500 ? 'error.title.500' : 'error.title.other');
}

/** What an error page says of a status when the error's own sentence cannot be shown (it is not in the reader's language). */
export function errorMessageKey(status: number): MessageKey {
  return messages[status] ?? (status >= 500 ? 'error.message.500' : 'error.message.other');
}
