/**
 * The one rule for control characters in typed text: the C0 controls, DEL and the C1 controls are
 * invisible, and text only ever holds them by accident or attack. In a field of several lines
 * (`'lines'`: an article body, a comment, a policy) tab and line breaks are ordinary typing; in a
 * one-line field (`'line'`: a name, a file name, a search) they are controls too.
 */
export type TextShape = 'line' | 'lines';

const controls: Readonly<Record<TextShape, RegExp>> = {
  line: /[\u0000-\u001F\u007F-\u009F]/,
  lines: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/,
};
const everyControl: Readonly<Record<TextShape, RegExp>> = {
  line: new RegExp(controls.line.source, 'g'),
  lines: new RegExp(controls.lines.source, 'g'),
};

export function hasControlCharacters(text: string, shape: TextShape): boolean {
  return controls[shape].test(text);
}

/** Each control character replaced, e.g. by '' to drop it, ' ' to keep words apart, or '�' to show where it was. */
export function replaceControlCharacters(text: string, shape: TextShape, replacement: string): string {
  return text.replace(everyControl[shape], replacement);
}
