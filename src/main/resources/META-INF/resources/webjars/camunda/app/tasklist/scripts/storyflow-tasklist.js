/*
 * Storyflow's additions to Camunda Tasklist (loaded through customScripts in config.js). The task
 * forms stay Camunda Forms (processes/forms/*.form, rendered by form-js, editable in Modeler); this
 * script adds what form-js cannot do by itself:
 *
 *  - Complete waits for what a decision needs. A form says so with HTML components of class
 *    "sf-blocker" that its FEEL conditions show, e.g. "Write a comment: ..." while "Needs rework" is
 *    chosen and the comment is empty. While one shows, Complete (or Start) is disabled, the reason
 *    stands beside it, and the field named by its class "sf-field-<key>" is marked.
 *  - A refusal by the engine (a 400 naming fields) marks those fields; after a completion a message
 *    says it is done and earlier error messages go.
 *  - A task that is not claimed by the user says "Claim this task to decide", with a Claim button.
 *  - The start form suggests the next free story id, offers "Check story" (the feasibility review
 *    of the story before it starts) and confirms a start with the story id and where it went.
 *
 * The engine checks every decision itself; nothing here is a rule, only the rules made visible.
 */

const base = document.querySelector('base');
const appRoot = base.getAttribute('app-root');
const engineApi = base.getAttribute('engine-api');
const engineName = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)/) || [])[1] || 'default';
const storyflowApi = `${appRoot}/api/storyflow`;

const BLOCKER = '.sf-blocker';
const COMPLETE = 'button[ng-click="complete()"]';
const START = 'button[ng-click="startProcessInstance()"]';

// --- Tasklist's own services and requests -----------------------------------------------------

function notifications() {
  const injector = window.angular && window.angular.element(document.body).injector();
  return injector && injector.has('Notifications') ? injector.get('Notifications') : null;
}

function notify(status, message) {
  const service = notifications();
  if (service) {
    service.clearAll();
    service.addMessage({status, message, duration: 8000, exclusive: true});
  }
}

function csrfToken() {
  return (document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/) || [])[1];
}

async function call(method, url, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken()) {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const reply = await fetch(url, {method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await reply.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!reply.ok) {
    const message = json && (json.detail || json.message) || `${reply.status} ${reply.statusText}`;
    throw new Error(message);
  }
  return json;
}

function engine(path) {
  return `${engineApi}engine/${engineName}${path}`;
}

// --- form-js fields -----------------------------------------------------------------------------

/** The element of a form field by its key: form-js ids end with the component id, Field_<Key>. */
function input(container, key) {
  const id = `Field_${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  return container.querySelector(`[id$="-${id}"]`) || container.querySelector(`[id*="-${id}-"]`);
}

function fieldWrapper(container, key) {
  const element = input(container, key);
  return element ? element.closest('.fjs-form-field') : null;
}

/** Sets an input's value as if typed, so form-js takes it in. */
function type(element, value) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value').set;
  setter.call(element, value);
  element.dispatchEvent(new Event('input', {bubbles: true}));
  element.dispatchEvent(new Event('change', {bubbles: true}));
}

function visible(element) {
  return !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length);
}

// --- Complete waits for what the decision needs --------------------------------------------------

/** The form's button that submits it: Complete on a task, Start on the start form. */
function submitButton(container) {
  const modal = container.closest('.modal');
  if (modal) {
    return modal.querySelector(START);
  }
  const form = container.closest('[cam-tasklist-form]');
  return form ? form.querySelector(COMPLETE) : null;
}

function reasonsOf(container) {
  return [...container.querySelectorAll(BLOCKER)].filter(visible);
}

function keysOf(blocker) {
  return [...blocker.classList].filter(c => c.startsWith('sf-field-')).map(c => c.slice('sf-field-'.length));
}

function holdSubmit(container) {
  const button = submitButton(container);
  const blockers = reasonsOf(container);
  const needed = new Set(blockers.flatMap(keysOf).map(key => fieldWrapper(container, key)).filter(Boolean));
  container.querySelectorAll('.sf-needed').forEach(wrapper => {
    if (!needed.has(wrapper)) {
      wrapper.classList.remove('sf-needed');
    }
  });
  needed.forEach(wrapper => {
    if (!wrapper.classList.contains('sf-needed')) {
      wrapper.classList.add('sf-needed');
    }
  });
  if (button) {
    blockers.length ? hold(button, blockers.map(b => b.textContent.trim()).join(' ')) : release(button);
  }
}

/** Disables the button and says why beside it. */
function hold(button, text) {
  let reason = button.parentElement.querySelector('.sf-reason');
  if (!reason) {
    reason = document.createElement('span');
    reason.className = 'sf-reason';
    reason.setAttribute('role', 'status');
    button.parentElement.insertBefore(reason, button.parentElement.firstChild);
  }
  if (reason.textContent !== text) {
    reason.textContent = text;
    button.title = text;
  }
  if (!button.classList.contains('sf-blocked')) {
    button.classList.add('sf-blocked');
    button.setAttribute('aria-disabled', 'true');
  }
  if (!button.disabled) {
    button.disabled = true;
  }
}

/** Gives the button back to Tasklist: enabled as its own ng-disabled says. */
function release(button) {
  if (!button.classList.contains('sf-blocked')) {
    return;
  }
  button.classList.remove('sf-blocked');
  button.removeAttribute('aria-disabled');
  button.removeAttribute('title');
  const reason = button.parentElement.querySelector('.sf-reason');
  if (reason) {
    reason.remove();
  }
  const scope = window.angular && window.angular.element(button).scope();
  const expression = button.getAttribute('ng-disabled');
  button.disabled = !!(scope && expression && scope.$eval(expression));
}

function blockedContainerOf(element) {
  const button = element.closest(`${COMPLETE}, ${START}`);
  const scope = button && (button.closest('.modal') || button.closest('[cam-tasklist-form]'));
  const container = scope && scope.querySelector('.fjs-container');
  return container && reasonsOf(container).length ? container : null;
}

// clicks and Enter reach the form only when nothing holds it
document.addEventListener('click', event => {
  if (event.target instanceof Element && blockedContainerOf(event.target)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
document.addEventListener('submit', event => {
  const container = event.target instanceof Element && event.target.closest('.fjs-container');
  if (container && reasonsOf(container).length) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// --- the engine's answer to a completion or a start ----------------------------------------------

function markRefused(container, errors) {
  container.querySelectorAll('.sf-refused').forEach(e => e.remove());
  container.querySelectorAll('.sf-refused-field').forEach(e => e.classList.remove('sf-refused-field'));
  (errors || []).forEach(problem => {
    const wrapper = fieldWrapper(container, problem.field);
    if (wrapper) {
      wrapper.classList.add('sf-refused-field');
      const note = document.createElement('div');
      note.className = 'sf-refused fjs-form-field-error';
      note.textContent = `${problem.field} ${problem.message}`;
      wrapper.appendChild(note);
    }
  });
}

function taskName() {
  const heading = document.querySelector('.task-details h2.task');
  return heading ? heading.textContent.trim() : 'The task';
}

/** Resolves once `done` holds (or after 3 s), and a moment later, when Tasklist has had its say. */
async function settled(done) {
  for (let waited = 0; waited < 3000 && !done(); waited += 100) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  await new Promise(resolve => setTimeout(resolve, 500));
}

async function storyStarted(instance) {
  let waiting = [];
  try {
    const tasks = await call('GET', engine(`/history/task?processInstanceId=${encodeURIComponent(instance.id)}`
      + '&unfinished=true'));
    waiting = (tasks || []).map(t => t.name).filter(Boolean);
  } catch (e) {
    waiting = [];
  }
  // Tasklist closes the start dialog and says "The process has been started."; this says more, after it
  await settled(() => !document.querySelector('.modal'));
  const story = instance.businessKey || 'The story';
  notify('Story started', `${story} is in Draft`
    + (waiting.length ? `, waiting for ${waiting.join(', ')}.` : '.')
    + ' Follow it in Cockpit; its tasks come to the roles\' Tasklist filters.');
}

function answered(kind, status, text, container, name) {
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (status >= 200 && status < 300) {
    if (kind === 'task') {
      notify('Completed', `${name} is completed.`);
    } else {
      storyStarted(body || {});
    }
  } else if (container && body) {
    markRefused(container, body.errors);
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.sfRequest = {method: String(method).toUpperCase(), url: String(url)};
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (body) {
  const request = this.sfRequest;
  const kind = request && request.method === 'POST' && /\/submit-form$/.test(request.url)
    ? (/\/task\//.test(request.url) ? 'task' : 'start') : null;
  if (kind) {
    const modal = document.querySelector('.modal .fjs-container');
    const container = kind === 'start' ? modal : document.querySelector('[cam-tasklist-form] .fjs-container');
    const name = taskName();
    this.addEventListener('loadend', () => answered(kind, this.status, this.responseText, container, name));
  }
  return send.call(this, body);
};

// --- claim first ----------------------------------------------------------------------------------

function claimNotice() {
  const form = document.querySelector('[cam-tasklist-form]');
  const existing = document.querySelector('.sf-claim-notice');
  const disabled = form && form.querySelector('.disabled-form');
  if (!disabled) {
    if (existing) {
      existing.remove();
    }
    return;
  }
  const claim = document.querySelector('.task-details button.claim, .task-card button.claim');
  const text = claim
    ? 'Claim this task to decide: the form is read-only until you claim it.'
    : 'Someone else has claimed this task: only they can decide it.';
  if (existing && existing.dataset.text === text) {
    return;
  }
  if (existing) {
    existing.remove();
  }
  const notice = document.createElement('div');
  notice.className = 'sf-claim-notice';
  notice.dataset.text = text;
  notice.setAttribute('role', 'status');
  const words = document.createElement('span');
  words.textContent = text;
  notice.appendChild(words);
  if (claim) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-primary btn-sm sf-claim';
    button.textContent = 'Claim';
    button.addEventListener('click', () => claim.click());
    notice.appendChild(button);
  }
  form.parentElement.insertBefore(notice, form);
}

// --- the start form ---------------------------------------------------------------------------------

let lastSuggestion = null;
let lastHint = null;
let suggestionRequest = 0;
let lastTyped = 0;
const TYPING_PAUSE_MS = 600;

/** The hint under the story id, shown again when form-js re-renders the field without it. */
function showHint(container) {
  const id = input(container, 'storyId');
  if (!id || !lastHint || id.value !== lastSuggestion) {
    return;
  }
  const wrapper = id.closest('.fjs-form-field');
  let hint = wrapper.querySelector('.sf-hint');
  if (!hint) {
    hint = document.createElement('div');
    hint.className = 'sf-hint';
    wrapper.appendChild(hint);
  }
  if (hint.textContent !== lastHint) {
    hint.textContent = lastHint;
  }
}

async function suggestId(container) {
  const request = ++suggestionRequest;
  const current = () => input(container, 'storyId');
  const id = current();
  if (!id || (id.value && id.value !== lastSuggestion)) {
    return;
  }
  const epic = input(container, 'epic');
  const epicValue = epic ? epic.value.trim() : '';
  try {
    const suggestion = await call('GET', `${storyflowApi}/next-story-id?epic=${encodeURIComponent(epicValue)}`);
    // form-js takes typed text in 300 ms after the last key and then renders every field from its
    // state: a value set while the user types elsewhere would wipe their last keys, so wait for a pause
    while (Date.now() - lastTyped < TYPING_PAUSE_MS) {
      await new Promise(resolve => setTimeout(resolve, TYPING_PAUSE_MS - (Date.now() - lastTyped)));
    }
    // an answer to an older question (the epic changed meanwhile) is dropped; so is one the user typed over
    const now = current();
    if (request !== suggestionRequest || !now || (now.value && now.value !== lastSuggestion)) {
      return;
    }
    lastSuggestion = suggestion.storyId;
    lastHint = `Suggested: ${suggestion.storyId}, ${suggestion.reason}.`;
    type(now, suggestion.storyId);
    showHint(container);
  } catch (e) {
    // no suggestion: the product owner types the id
  }
}

function lines(value) {
  return (value || '').split(/\r?\n/).map(s => s.trim()).filter(Boolean);
}

function storyOf(container) {
  const value = key => (input(container, key) ? input(container, key).value.trim() : '') || undefined;
  // a checklist's boxes carry no values in the page: their labels are the components' names
  const components = [...container.querySelectorAll('input[type=checkbox][id*="-Field_Components-"]')]
    .filter(box => box.checked)
    .map(box => (container.querySelector(`label[for="${box.id}"]`) || box.closest('label') || box.parentElement)
      .textContent.trim().toLowerCase());
  return {
    storyId: value('storyId') || 'NEW-STORY',
    title: value('title'),
    asA: value('asA'),
    iWant: value('iWant'),
    soThat: value('soThat'),
    acceptanceCriteria: lines(value('acceptanceCriteria')),
    components: components.length ? components : undefined,
    epic: value('epic'),
    dependsOn: value('dependsOn') ? value('dependsOn').split(',').map(s => s.trim()).filter(Boolean) : undefined,
    reference: value('reference'),
    notes: value('notes')
  };
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

function showReport(target, report) {
  target.replaceChildren();
  const head = element('p', 'sf-verdict');
  head.appendChild(element('strong', null, 'Feasibility: '));
  head.appendChild(element('span', `sf-badge sf-${String(report.verdict).toLowerCase()}`, report.verdictLabel));
  target.appendChild(head);
  if (report.verdictReason) {
    target.appendChild(element('p', null, report.verdictReason));
  }
  if (report.estimate && report.estimate.points) {
    const points = report.estimate.points;
    target.appendChild(element('p', null, `Estimate: ${points} story point${points === 1 ? '' : 's'}`
      + (report.estimate.reasons && report.estimate.reasons.length ? ` (${report.estimate.reasons.join('; ')})` : '')));
  }
  const findings = report.findings || [];
  if (!findings.length) {
    target.appendChild(element('p', null, 'No findings: the story reads well.'));
  }
  const list = element('ul', 'sf-findings');
  findings.forEach(f => {
    const item = element('li');
    item.appendChild(element('strong', null, f.label));
    const evidence = f.evidence && f.evidence.text ? ` “${f.evidence.text}”` : '';
    item.appendChild(document.createTextNode(`${evidence}${f.where ? ` in ${f.where}` : ''} (${f.severityLabel}). `));
    item.appendChild(element('span', 'sf-muted', f.message));
    list.appendChild(item);
  });
  target.appendChild(list);
}

/**
 * "Check story" below the start form, where the form asks for it (its "sf-story-check" text). It
 * lives beside the form, not in it: form-js redraws its own elements as the story is typed.
 */
function offerCheck(container) {
  if (!container.querySelector('.sf-story-check') || container.parentElement.querySelector('.sf-check-panel')) {
    return;
  }
  const panel = element('div', 'sf-check-panel');
  const button = element('button', 'btn btn-default sf-check', 'Check story');
  button.type = 'button';
  const result = element('div', 'sf-check-result');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(element('p', 'sf-muted', 'Checking…'));
    try {
      showReport(result, await call('POST', `${storyflowApi}/story-check`, storyOf(container)));
    } catch (e) {
      result.replaceChildren(element('p', 'sf-error', `The story cannot be checked yet: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  });
  panel.appendChild(button);
  panel.appendChild(result);
  container.after(panel);
}

function startForm(container) {
  offerCheck(container);
  if (container.dataset.sfStart) {
    showHint(container);
    return;
  }
  container.dataset.sfStart = 'true';
  lastSuggestion = null;
  lastHint = null;
  suggestId(container);
}

// a new epic, a new suggestion (form-js may replace its inputs, so the page listens, not the input)
let epicTimer = null;
document.addEventListener('input', event => {
  const container = event.target instanceof Element && event.target.closest('.modal .fjs-container');
  if (container && event.isTrusted) {
    lastTyped = Date.now();
  }
  if (container && event.target === input(container, 'epic')) {
    clearTimeout(epicTimer);
    epicTimer = setTimeout(() => suggestId(container), 400);
  }
}, true);

// --- watching Tasklist render ----------------------------------------------------------------------

let scheduled = false;

function update() {
  scheduled = false;
  document.querySelectorAll('.fjs-container').forEach(container => {
    holdSubmit(container);
    if (container.closest('.modal') && input(container, 'storyId')) {
      startForm(container);
    }
  });
  claimNotice();
}

new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(update);
  }
}).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
  attributeFilter: ['class', 'disabled']});

export default [];
