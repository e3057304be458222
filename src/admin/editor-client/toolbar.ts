import type { Editor } from '@tiptap/core';
import { el } from './dom.ts';
import { messages } from './messages.ts';

/** One toolbar button: a visible short text, a full accessible name, and its shortcut if any. */
interface Tool {
  /** Names its class ("rich-toolbar__button--bold"), whatever the language of its words. */
  readonly name: string;
  readonly text: string;
  readonly label: string;
  /** As aria-keyshortcuts writes it, with "Mod" for Control (or Command on a Mac). */
  readonly keys?: string;
  readonly run: () => void;
  /** Toggles report their state through aria-pressed; actions have none. */
  readonly isActive?: () => boolean;
  readonly canRun?: () => boolean;
}

export interface ToolbarActions {
  readonly openLink: () => void;
  readonly openPhoto: () => void;
  readonly openEmbed: () => void;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const modKey = isMac ? 'Meta' : 'Control';

function describeKeys(keys: string): string {
  return keys
    .replace('Mod', isMac ? '⌘' : 'Ctrl')
    .replaceAll('Shift', isMac ? '⇧' : 'Shift')
    .replaceAll('Alt', isMac ? '⌥' : 'Alt');
}

function toolGroups(editor: Editor, actions: ToolbarActions): { label: string; tools: Tool[] }[] {
  const words = messages.tools;
  const chain = () => editor.chain().focus();
  const heading = (level: 2 | 3 | 4): Tool => ({
    name: `h${level}-heading`,
    text: `H${level}`,
    label: words.headingLabel(level),
    keys: `Mod+Alt+${level}`,
    run: () => chain().toggleHeading({ level }).run(),
    isActive: () => editor.isActive('heading', { level }),
  });
  return [
    {
      label: words.paragraphStyle,
      tools: [
        {
          name: 'text-paragraph',
          text: words.text,
          label: words.textLabel,
          keys: 'Mod+Alt+0',
          run: () => chain().setParagraph().run(),
          isActive: () => editor.isActive('paragraph') && !editor.isActive('blockquote') && !editor.isActive('pullQuote') && !editor.isActive('listItem'),
        },
        heading(2),
        heading(3),
        heading(4),
      ],
    },
    {
      label: words.textStyle,
      tools: [
        { name: 'bold', text: 'B', label: words.boldLabel, keys: 'Mod+B', run: () => chain().toggleBold().run(), isActive: () => editor.isActive('bold') },
        {
          name: 'italic',
          text: 'I',
          label: words.italicLabel,
          keys: 'Mod+I',
          run: () => chain().toggleItalic().run(),
          isActive: () => editor.isActive('italic'),
        },
        { name: 'link', text: words.link, label: words.link, keys: 'Mod+K', run: actions.openLink, isActive: () => editor.isActive('link') },
      ],
    },
    {
      label: words.blocks,
      tools: [
        {
          name: 'bulleted-list',
          text: words.bulleted,
          label: words.bulletedLabel,
          keys: 'Mod+Shift+8',
          run: () => chain().toggleBulletList().run(),
          isActive: () => editor.isActive('bulletList'),
        },
        {
          name: 'numbered-list',
          text: words.numbered,
          label: words.numberedLabel,
          keys: 'Mod+Shift+7',
          run: () => chain().toggleOrderedList().run(),
          isActive: () => editor.isActive('orderedList'),
        },
        {
          name: 'quote',
          text: words.quote,
          label: words.quote,
          keys: 'Mod+Shift+B',
          run: () => chain().toggleBlockquote().run(),
          isActive: () => editor.isActive('blockquote'),
        },
        {
          name: 'pull-quote',
          text: words.pullQuote,
          label: words.pullQuote,
          run: () => chain().toggleWrap('pullQuote').run(),
          isActive: () => editor.isActive('pullQuote'),
        },
      ],
    },
    {
      label: words.insert,
      tools: [
        { name: 'photo', text: words.photo, label: words.photo, run: actions.openPhoto },
        { name: 'embed', text: words.embed, label: words.embed, run: actions.openEmbed },
        { name: 'rule', text: words.rule, label: words.ruleLabel, run: () => chain().setHorizontalRule().run() },
      ],
    },
    {
      label: words.history,
      tools: [
        { name: 'undo', text: words.undo, label: words.undo, keys: 'Mod+Z', run: () => chain().undo().run(), canRun: () => editor.can().undo() },
        { name: 'redo', text: words.redo, label: words.redo, keys: 'Mod+Shift+Z', run: () => chain().redo().run(), canRun: () => editor.can().redo() },
      ],
    },
  ];
}

/**
 * An ARIA toolbar: one Tab stop, arrow keys move between buttons, toggles say whether they are
 * on (aria-pressed) and every button names its keyboard shortcut.
 */
export function createToolbar(editor: Editor, actions: ToolbarActions, editorId: string): HTMLElement {
  const toolbar = el('div', { class: 'rich-toolbar', role: 'toolbar', 'aria-label': messages.toolbar, 'aria-controls': editorId });
  const entries: { button: HTMLButtonElement; tool: Tool }[] = [];
  for (const group of toolGroups(editor, actions)) {
    const groupElement = el('div', { class: 'rich-toolbar__group', role: 'group', 'aria-label': group.label });
    for (const tool of group.tools) {
      const button = el(
        'button',
        {
          type: 'button',
          class: `rich-toolbar__button rich-toolbar__button--${tool.name}`,
          tabindex: entries.length === 0 ? '0' : '-1',
          'aria-label': tool.label === tool.text ? undefined : tool.label,
          'aria-pressed': tool.isActive ? 'false' : undefined,
          'aria-keyshortcuts': tool.keys?.replace('Mod', modKey),
          title: tool.keys ? `${tool.label} (${describeKeys(tool.keys)})` : tool.label,
        },
        [tool.text],
      );
      // A mouse press keeps the focus (and selection) in the text; the keyboard still reaches the toolbar by Tab.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') !== 'true') tool.run();
      });
      entries.push({ button, tool });
      groupElement.append(button);
    }
    toolbar.append(groupElement);
  }

  toolbar.addEventListener('keydown', (event) => {
    const index = entries.findIndex((entry) => entry.button === document.activeElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = entries[(next + entries.length) % entries.length]!.button;
    for (const entry of entries) entry.button.tabIndex = entry.button === target ? 0 : -1;
    target.focus();
  });

  const update = () => {
    for (const { button, tool } of entries) {
      if (tool.isActive) button.setAttribute('aria-pressed', String(tool.isActive()));
      if (tool.canRun) button.setAttribute('aria-disabled', String(!tool.canRun()));
    }
  };
  editor.on('transaction', update);
  editor.on('focus', update);
  update();
  return toolbar;
}
