/** A calendar day "YYYY-MM-DD" as the reader means it: in the newsroom's time zone, not the server's. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  );
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  wallClock.setUTCHours(parts.hour!, parts.minute!, parts.second!);
  return wallClock.getTime() - Math.floor(instant / 1000) * 1000;
}

/** Midnight UTC of a calendar day, or undefined when the text is not a real date (2026-02-31, year 0042). */
function utcMidnight(day: string, addDays = 0): number | undefined {
  const match = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, date);
  if (midnight.getUTCFullYear() !== year || midnight.getUTCMonth() !== month - 1 || midnight.getUTCDate() !== date) return undefined;
  return midnight.getTime() + addDays * 86_400_000;
}

/** The instant a day starts in a time zone; twice adjusted, so days that begin a DST change come out right. */
export function startOfDay(day: string, timeZone: string, addDays = 0): Date | undefined {
  const midnight = utcMidnight(day, addDays);
  if (midnight === undefined) return undefined;
  const guess = midnight - zoneOffset(midnight, timeZone);
  return new Date(midnight - zoneOffset(guess, timeZone));
}
