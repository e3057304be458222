import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';

// What in a page could run script, for the tests that feed hostile text through every field.

/** Elements that never belong on a reader or newsroom page of ours, wherever they are. */
const forbiddenElements = new Set([
  'object',
  'embed',
  'applet',
  'base',
  'svg',
  'math',
  'template',
  'noscript',
  'xmp',
  'plaintext',
  'listing',
  'marquee',
  'isindex',
  'frameset',
  'frame',
  'iframe',
  'noembed',
  'style',
]);
const urlAttributes = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'ping',
  'cite',
  'srcdoc',
  'lowsrc',
  'dynsrc',
]);

function isScriptUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme; so does this check.
  return /^(?:javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
}

/**
 * What in a document could run script: script elements other than the page's own files and JSON-LD,
 * event-handler and style attributes, script URLs, active elements, meta refresh. `only` limits the
 * elements to an allow-list (for markup made of comments alone).
 */
export function findActiveMarkup(html: string, options: { only?: ReadonlySet<string> } = {}): string[] {
  const problems: string[] = [];
  let inHead = false;
  let scriptText: string | undefined;
  let scriptType = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'head') inHead = true;
        if (options.only && !options.only.has(name)) problems.push(`<${name}> element`);
        if (forbiddenElements.has(name)) problems.push(`<${name}> element`);
        if (name === 'meta' && /refresh/i.test(attributes['http-equiv'] ?? '')) problems.push('meta refresh');
        if (name === 'link' && !inHead) problems.push('<link> outside the head');
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) problems.push(`${attribute}= on <${name}>`);
          if (attribute === 'style') problems.push(`style= on <${name}>`);
          if (urlAttributes.has(attribute) && isScriptUrl(value)) problems.push(`${attribute}="${value}" on <${name}>`);
          if (attribute === 'srcset' && value.split(',').some((candidate) => isScriptUrl(candidate.trim())))
            problems.push(`srcset with a script URL on <${name}>`);
        }
        if (name === 'script') {
          scriptType = attributes.type ?? '';
          scriptText = '';
          const ownFile = attributes.src !== undefined && /^\/assets\/[\w.-]+\.js$/.test(attributes.src);
          if (!ownFile && scriptType !== 'application/ld+json') problems.push(`<script ${JSON.stringify(attributes)}>`);
        }
      },
      ontext(text) {
        if (scriptText !== undefined) scriptText += text;
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (name !== 'script' || scriptText === undefined) return;
        if (scriptType === 'application/ld+json') {
          if (scriptText.includes('<')) problems.push('a "<" inside JSON-LD');
          try {
            JSON.parse(scriptText);
          } catch {
            problems.push('JSON-LD that is not JSON (broken out of?)');
          }
        } else if (scriptText.trim() !== '') {
          problems.push(`inline script: ${scriptText.slice(0, 80)}`);
        }
        scriptText = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return problems;
}

export function assertNoActiveMarkup(html: string, where: string, options: Parameters<typeof findActiveMarkup>[1] = {}): void {
  const problems = findActiveMarkup(html, options);
  assert.deepEqual(problems, [], `${where} has markup that could run script`);
}
