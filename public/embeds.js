// Click-to-load embeds: nothing is fetched from a video provider until the reader asks for it.
// Without this script each embed is a plain link to the video, which works just as well.
(() => {
  // The only players a page may load, matching the Content-Security-Policy's frame-src.
  const allowedPlayers = ['https://www.youtube-nocookie.com/embed/', 'https://player.vimeo.com/video/'];

  for (const figure of document.querySelectorAll('figure.embed[data-embed-src]')) {
    const source = figure.dataset.embedSrc;
    const button = figure.querySelector('.embed__load');
    if (!button || !allowedPlayers.some((prefix) => source.startsWith(prefix))) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const frame = document.createElement('iframe');
      const url = new URL(source);
      // The reader just asked to watch: start playing rather than ask for a second click.
      url.searchParams.set('autoplay', '1');
      frame.src = url.href;
      frame.title = figure.dataset.embedTitle || button.textContent;
      frame.className = 'embed__frame';
      frame.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
      frame.allowFullscreen = true;
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      button.replaceWith(frame);
      figure.classList.add('embed--loaded');
      frame.focus();
    });
  }
})();
