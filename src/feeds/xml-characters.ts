/** Characters XML 1.0 forbids anywhere, even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF. */
const forbiddenInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Removes what no XML document may contain. Older rows and pasted captions can hold a stray
 * control character, and one would make a whole feed unreadable to a strict parser; the feed
 * library passes them through.
 */
export function withoutForbiddenXmlCharacters(xml: string): string {
  return xml.replace(forbiddenInXml, '');
}
