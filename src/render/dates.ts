/** How the site shows dates: in the newsroom's time zone and language, never the server's. */
export interface DateStyle {
  readonly locale: string;
  readonly timeZone: string;
  /** Where a language's newsrooms write times otherwise than its locale's default (Korean: 18:40, not PM 06:40). */
  readonly hourCycle?: 'h23' | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(style: DateStyle, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${style.locale}|${style.timeZone}|${style.hourCycle ?? ''}|${key}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(style.locale, { ...options, timeZone: style.timeZone, ...(style.hourCycle ? { hourCycle: style.hourCycle } : {}) });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** "27 November 2026" */
export function formatDay(date: Date, style: DateStyle): string {
  return formatterFor(style, { day: 'numeric', month: 'long', year: 'numeric' }, 'day').format(date);
}

/** "09:40 GMT" */
export function formatTime(date: Date, style: DateStyle): string {
  return formatterFor(style, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, 'time').format(date);
}

/** "27 November 2026, 09:40 GMT" */
export function formatDateTime(date: Date, style: DateStyle): string {
  return formatterFor(style, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, 'datetime').format(
    date,
  );
}

/** The later of two moments, e.g. when an article last changed: its update, or its publication if that came after. */
export function laterOf(a: Date, b: Date): Date {
  return a.getTime() > b.getTime() ? a : b;
}
