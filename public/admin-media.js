// Media library uploads: a drop zone and a progress bar per file. Without this script the same form
// posts all files at once and the page reports what was added; with it, each file is its own request
// so its progress can be shown, and the server answers each with JSON. Once a batch is in, the count
// and the grid below are taken from a fresh copy of the page, so they show the new photos.
(() => {
  const form = document.querySelector('form[data-media-upload]');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const input = form.querySelector('input[type=file]');
  const list = form.querySelector('[data-upload-list]');
  const results = document.querySelector('[data-media-results]');
  const token = form.querySelector('input[name=_csrf]').value;
  const maxBytes = Number(form.dataset.maxBytes);
  // The words come from the page, in the newsroom's language (media-library-page.tsx renders them).
  const words = form.dataset;
  const messages = {
    waiting: words.messageWaiting,
    uploading: words.messageUploading,
    reading: words.messageReading,
    added: words.messageAdded,
    edit: words.messageEdit,
    caption: words.messageCaption,
    credit: words.messageCredit,
    noCaption: words.messageNoCaption,
    tooLarge: words.tooLargeMessage,
    failed: words.messageFailed,
    showNew: words.messageShowNew,
  };
  const parallelUploads = 3;
  const queue = [];
  let running = 0;
  let addedSinceRefresh = 0;
  /** Numbers each refresh, so an older answer arriving late cannot replace a newer one. */
  let refreshes = 0;

  form.querySelector('[data-drop-hint]').hidden = false;
  form.querySelector('[data-upload-button]').hidden = true;
  form.classList.add('media-upload__form--enhanced');

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addRow(file) {
    const row = element('li', 'upload-list__item');
    const name = element('span', 'upload-list__name', file.name);
    name.id = `upload-${Math.random().toString(36).slice(2)}`;
    const bar = element('progress', 'upload-list__progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-labelledby', name.id);
    const status = element('p', 'upload-list__status', messages.waiting);
    row.append(name, bar, status);
    list.prepend(row);
    return { row, bar, status };
  }

  function showAdded(view, item) {
    view.row.classList.add('upload-list__item--added');
    view.status.replaceChildren(messages.added, ' ');
    const link = element('a', '', messages.edit);
    link.href = item.editUrl;
    view.status.append(link);
    const caption = item.caption ? messages.caption + item.caption : messages.noCaption;
    view.row.append(element('p', 'upload-list__detail', caption));
    if (item.credit) view.row.append(element('p', 'upload-list__detail', messages.credit + item.credit));
  }

  function showRefused(view, message) {
    view.row.classList.add('upload-list__item--refused');
    view.bar.hidden = true;
    view.status.textContent = message;
  }

  function upload(file, view) {
    running += 1;
    view.status.textContent = messages.uploading;
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-csrf-token', token);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) view.bar.value = Math.round((event.loaded / event.total) * 100);
    });
    request.upload.addEventListener('load', () => {
      view.bar.value = 100;
      view.status.textContent = messages.reading;
    });
    request.addEventListener('load', () => {
      let answer = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        // Not JSON: a proxy's error page, say; the generic message below covers it.
      }
      if (answer.added && answer.added[0]) {
        showAdded(view, answer.added[0]);
        addedSinceRefresh += 1;
      } else showRefused(view, (answer.refused && answer.refused[0] && answer.refused[0].message) || answer.message || messages.failed);
    });
    request.addEventListener('error', () => showRefused(view, messages.failed));
    request.addEventListener('loadend', () => {
      running -= 1;
      next();
      if (running === 0 && addedSinceRefresh > 0) refreshResults();
    });
    const body = new FormData();
    body.append('files', file, file.name);
    request.send(body);
  }

  /** A link that reloads the page, when its photos cannot be brought in where they are. */
  function offerReload() {
    if (results.querySelector('[data-show-new]')) return;
    const link = element('a', '', messages.showNew);
    link.href = location.href;
    const line = element('p', 'media-count');
    line.dataset.showNew = '';
    line.append(link);
    results.prepend(line);
  }

  async function refreshResults() {
    addedSinceRefresh = 0;
    if (!results) return;
    const ticket = ++refreshes;
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(`The library answered ${response.status}`);
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-media-results]');
      if (!fresh) throw new Error('The library page has no photos section');
      // A later batch's refresh is on its way with newer photos.
      if (ticket !== refreshes) return;
      // Someone moving through the grid would lose their place; they get the link instead.
      if (results.contains(document.activeElement)) offerReload();
      else results.replaceChildren(...fresh.childNodes);
    } catch {
      offerReload();
    }
  }

  function next() {
    while (running < parallelUploads && queue.length > 0) {
      const { file, view } = queue.shift();
      upload(file, view);
    }
  }

  function enqueue(files) {
    for (const file of files) {
      const view = addRow(file);
      if (maxBytes && file.size > maxBytes) showRefused(view, messages.tooLarge);
      else queue.push({ file, view });
    }
    next();
  }

  input.addEventListener('change', () => {
    enqueue(Array.from(input.files));
    input.value = '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    enqueue(Array.from(input.files));
    input.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    form.addEventListener(type, (event) => {
      event.preventDefault();
      form.classList.add('media-upload__form--dragging');
    });
  }
  form.addEventListener('dragleave', (event) => {
    if (!form.contains(event.relatedTarget)) form.classList.remove('media-upload__form--dragging');
  });
  form.addEventListener('drop', (event) => {
    event.preventDefault();
    form.classList.remove('media-upload__form--dragging');
    enqueue(Array.from(event.dataTransfer.files));
  });
})();
