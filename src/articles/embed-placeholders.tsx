import type { Translator } from '../i18n/index.ts';
import { type Embed, embedProviderNames } from '../render/embed-urls.ts';
import { elementsNamed, parseFragment, removeElement, replaceElement, serializeFragment } from '../render/html-tree.ts';
import { type SafeHtml, trustAsHtml } from '../render/safe-html.ts';
import { readEmbed } from '../render/stored-figures.ts';

/**
 * What a reader sees of an embed before choosing to load it: nothing from the provider, so no
 * cookies and no tracking. Videos get a button (shown by embeds.js) that swaps in the player from
 * the privacy-friendly address; posts on X and Instagram stay plain links, with no third-party script.
 */
function EmbedPlaceholder({ embed, words }: { embed: Embed; words: Translator }) {
  const provider = embedProviderNames[embed.provider];
  const video = embed.provider === 'youtube' || embed.provider === 'vimeo';
  const videoLabel = words.text('story.embed.video', { provider });
  return (
    <figure class={`embed embed--${embed.provider}`} data-embed-src={embed.frameSrc} data-embed-title={embed.frameSrc ? videoLabel : undefined}>
      <p class="embed__provider">{video ? videoLabel : words.text('story.embed.post', { provider })}</p>
      {embed.frameSrc ? (
        <button type="button" class="embed__load" hidden>
          {words.text('story.embed.load', { provider })}
        </button>
      ) : null}
      <p class="embed__link">
        <a href={embed.url} rel="noopener">
          {words.text(video ? 'story.embed.watch' : 'story.embed.viewPost', { provider })}
        </a>
      </p>
    </figure>
  );
}

/** Whether the body has a video that needs the click-to-load script. */
export function hasPlayableEmbed(body: SafeHtml): boolean {
  return String(body).includes('data-embed-src=');
}

/** Turns each stored embed (sanitised HTML) into its click-to-load placeholder, in the words around the article's text. */
export function renderEmbedPlaceholders(body: SafeHtml, words: Translator): SafeHtml {
  const html = String(body);
  if (!html.includes('class="embed"')) return body;
  const tree = parseFragment(html);
  for (const figure of elementsNamed(tree, 'figure').filter((node) => node.attribs.class === 'embed')) {
    const embed = readEmbed(figure);
    const [placeholder] = embed ? parseFragment(String(<EmbedPlaceholder embed={embed} words={words} />)).children : [];
    if (placeholder) replaceElement(figure, placeholder);
    else removeElement(figure);
  }
  return trustAsHtml(serializeFragment(tree));
}
