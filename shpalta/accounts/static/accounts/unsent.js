// An add or edit form of the admin is sent only when the database answers
// (shpalta/accounts/unsent.py): otherwise it stays in the page as typed, a notice says
// that nothing was saved, and the save is tried again every few seconds.
(() => {
  const script = document.currentScript;
  const words = script.dataset;
  const retryMs = Number(words.retrySeconds) * 1000;
  const PING_TIMEOUT_MS = 8000;
  const waiting = new Map(); // form -> {submitter, timer, notice}

  async function databaseAnswers() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PING_TIMEOUT_MS);
    try {
      const response = await fetch(words.reachable, {
        cache: 'no-store',
        credentials: 'same-origin',
        signal: controller.signal,
      });
      return response.ok;
    } catch {
      return false; // no answer at all: the server or the network is down
    } finally {
      clearTimeout(timer);
    }
  }

  function send(form, submitter) {
    // Through the form's own handlers this time (Wagtail's progress and unsaved-changes
    // controllers), with what the pressed button adds: its name and value as a hidden
    // field (Wagtail has disabled the button meanwhile, and a disabled button sends
    // nothing), and the address it posts to if it has its own.
    form.dataset.shpaltaReachable = 'yes';
    form.querySelector('input[data-shpalta-pressed]')?.remove();
    if (submitter && submitter.name) {
      const pressed = document.createElement('input');
      pressed.type = 'hidden';
      pressed.name = submitter.name;
      pressed.value = submitter.value;
      pressed.dataset.shpaltaPressed = '';
      form.append(pressed);
    }
    if (submitter && submitter.hasAttribute('formaction')) {
      form.action = submitter.formAction;
    }
    form.requestSubmit();
  }

  function stopSpinners(form) {
    // Wagtail's buttons that show "Saving…" until the page is left.
    const buttons = document.querySelectorAll('[data-w-progress-loading-value="true"]');
    buttons.forEach((button) => {
      if (button.form === form || form.contains(button)) {
        button.setAttribute('data-w-progress-loading-value', 'false');
      }
    });
  }

  function noticeFor(form) {
    let notice = form.querySelector('.shpalta-unsent');
    if (notice) return notice;
    notice = document.createElement('div');
    notice.className = 'help-block help-critical shpalta-unsent';
    notice.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.className = 'shpalta-unsent__text';
    const state = document.createElement('p');
    state.className = 'shpalta-unsent__state';
    const now = document.createElement('button');
    now.type = 'button';
    now.className = 'button button-small';
    now.textContent = words.retryNow;
    now.addEventListener('click', () => attempt(form, waiting.get(form)?.submitter));
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.className = 'button button-small button-secondary';
    stop.textContent = words.stop;
    stop.addEventListener('click', () => {
      const pending = waiting.get(form);
      if (pending) clearTimeout(pending.timer);
      waiting.delete(form);
      state.textContent = words.stopped;
      stop.hidden = true;
    });
    notice.append(text, state, now, ' ', stop);
    form.prepend(notice);
    return notice;
  }

  async function attempt(form, submitter) {
    const pending = waiting.get(form);
    if (pending) clearTimeout(pending.timer);
    if (await databaseAnswers()) {
      waiting.delete(form);
      form.querySelector('.shpalta-unsent')?.remove();
      send(form, submitter);
      return;
    }
    stopSpinners(form);
    const notice = noticeFor(form);
    notice.querySelector('.shpalta-unsent__text').textContent = words.notice;
    notice.querySelector('.shpalta-unsent__state').textContent = words.retrying;
    notice.querySelector('.button-secondary').hidden = false;
    const timer = setTimeout(() => attempt(form, submitter), retryMs);
    waiting.set(form, { submitter, timer });
    if (!pending) notice.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches('[data-edit-form]')) return;
      if (form.dataset.shpaltaReachable === 'yes') {
        delete form.dataset.shpaltaReachable;
        return; // asked a moment ago: on to Wagtail's handlers and the server
      }
      // Before the form's own handlers, which would mark the page as saved.
      event.preventDefault();
      event.stopImmediatePropagation();
      attempt(form, event.submitter);
    },
    true,
  );
})();
