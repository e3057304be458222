/** How the site shows dates: in the newsroom's time zone and language, never the server's. */
export interface DateStyle {
  readonly locale: string;
  readonly timeZone: string;
  /** Where a language's newsrooms write times otherwise than its locale's default (Korean: 18:40, not PM 06:40). */
  readonly hourCycle?: 'h23' | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Dates as shown, by style and instant. Intl formats one in a few microseconds, and a page of 50 comments
 * shows 50 of them at every render: the same ones again and again. Bounded: emptied when full.
 */
const formatted = new Map<string, string>();
const mostFormatted = 5_000;

function format(style: DateStyle, options: Intl.DateTimeFormatOptions, key: string, date: Date): string {
  const styleKey = `${style.locale}|${style.timeZone}|${style.hourCycle ?? ''}|${key}`;
  const formattedKey = `${styleKey}|${date.getTime()}`;
  let text = formatted.get(formattedKey);
  if (text === undefined) {
    let formatter = formatters.get(styleKey);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(style.locale, { ...options, timeZone: style.timeZone, ...(style.hourCycle ? { hourCycle: style.hourCycle } : {}) });
      formatters.set(styleKey, formatter);
    }
    text = formatter.format(date);
    if (formatted.size >= mostFormatted) formatted.clear();
    formatted.set(formattedKey, text);
  }
  return text;
}

/** "27 November 2026" */
export function formatDay(date: Date, style: DateStyle): string {
  return format(style, { day: 'numeric', month: 'long', year: 'numeric' }, 'day', date);
}

/** "09:40 GMT" */
export function formatTime(date: Date, style: DateStyle): string {
  return format(style, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, 'time', date);
}

/** "27 November 2026, 09:40 GMT" */
export function formatDateTime(date: Date, style: DateStyle): string {
  return format(style, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, 'datetime', date);
}

/** The later of two moments, e.g. when an article last changed: its update, or its publication if that came after. */
export function laterOf(a: Date, b: Date): Date {
  return a.getTime() > b.getTime() ? a : b;
}
