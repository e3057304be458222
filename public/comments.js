// Enhancements only: without this file the form posts and the page reloads at the new comment.
(() => {
  const form = document.querySelector('[data-comment-form]');
  if (!form) return;
  const home = form.parentElement;
  const parentField = form.querySelector('[data-reply-parent]');
  const title = form.querySelector('.comment-form__title');
  const status = form.querySelector('[data-comment-status]');
  const textarea = form.querySelector('textarea[name="comment"]');
  // The form carries its words, in the comment section's language.
  const words = {
    title: form.dataset.title || 'Leave a comment',
    replyTitle: form.dataset.replyTitle || 'Reply to {name}',
    cancelReply: form.dataset.cancelReply || 'Cancel reply',
    posting: form.dataset.posting || 'Posting your comment…',
  };

  const setTitle = (replyName) => {
    title.textContent = replyName ? `${words.replyTitle.replace('{name}', () => replyName)} ` : words.title;
    if (replyName) {
      const cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'comment-form__cancel link-button';
      cancel.textContent = words.cancelReply;
      cancel.addEventListener('click', () => moveHome(true));
      title.append(cancel);
    }
  };

  const moveHome = (focus) => {
    parentField.value = '';
    setTitle('');
    home.append(form);
    if (focus) textarea.focus();
  };

  // "Reply" opens the same form under the comment being answered, as WordPress and Ghost readers expect.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-reply-to]') : null;
    if (!link) return;
    event.preventDefault();
    parentField.value = link.dataset.replyTo;
    setTitle(link.dataset.replyName || '');
    link.closest('.comment__card').after(form);
    textarea.focus();
  });

  const clearErrors = () => {
    form.querySelectorAll('.field__error[data-from-script], .error-summary, .comment-form__message').forEach((node) => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach((node) => {
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
      node.closest('.field')?.classList.remove('field--invalid');
    });
  };

  const showErrors = (message, errors) => {
    for (const [name, text] of Object.entries(errors || {})) {
      const input = form.elements.namedItem(name);
      if (!(input instanceof HTMLElement)) continue;
      const error = document.createElement('p');
      error.className = 'field__error';
      error.id = `comment-${name}-error`;
      error.dataset.fromScript = '';
      error.textContent = text;
      input.before(error);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.closest('.field')?.classList.add('field--invalid');
    }
    status.textContent = message;
    const firstInvalid = form.querySelector('[aria-invalid="true"]');
    if (firstInvalid) firstInvalid.focus();
  };

  const insertComment = (html, parentId) => {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const item = template.content.firstElementChild;
    const parent = parentId ? document.getElementById(`comment-${parentId}`) : null;
    let list = parent ? parent.querySelector(':scope > .comment-list') : document.querySelector('[data-comment-list]');
    if (!list) {
      list = document.createElement('ol');
      list.className = parent ? 'comment-list comment-list--replies' : 'comment-list';
      if (parent) parent.append(list);
      else {
        list.dataset.commentList = '';
        const empty = document.querySelector('[data-comment-list-empty]');
        if (empty) empty.replaceWith(list);
        else home.before(list);
      }
    }
    list.append(item);
    return item;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    status.textContent = words.posting;
    const parentId = parentField.value;
    try {
      const response = await fetch(form.action.split('#')[0], {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
      });
      const result = await response.json();
      if (!response.ok) {
        showErrors(result.message, result.errors);
        return;
      }
      const item = insertComment(result.html, parentId);
      textarea.value = '';
      moveHome(false);
      status.textContent = result.message;
      item.scrollIntoView({ block: 'nearest' });
    } catch {
      // Offline or an unexpected answer: post the ordinary way, which keeps what was typed on failure.
      status.textContent = '';
      HTMLFormElement.prototype.submit.call(form);
    } finally {
      button.disabled = false;
    }
  });
})();
