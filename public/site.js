// Enhancements only: every page works without this file.
(() => {
  const backToTop = document.querySelector('.back-to-top');
  const top = document.getElementById('top');
  if (!backToTop || !top) return;

  document.documentElement.classList.add('has-js');
  // Floats in once the reader has scrolled a screen's worth; until then it stays out of the way.
  const update = () => backToTop.classList.toggle('is-visible', window.scrollY > window.innerHeight * 0.8);
  window.addEventListener('scroll', update, { passive: true });
  update();
  requestAnimationFrame(() => requestAnimationFrame(() => backToTop.classList.add('is-settled')));

  backToTop.addEventListener('click', (event) => {
    event.preventDefault();
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: 0, behavior: reduceMotion ? 'auto' : 'smooth' });
    // Keyboard and screen-reader users continue from the top, as the plain link would take them.
    top.focus({ preventScroll: true });
  });
})();
