// Supervisor wallboard: queue tiles, calls in progress, reps, today's charts and recent calls, live from the feed.
import { get, requireUser, logout, repAction, ApiError } from './api.js';
import { LiveState, connectFeed } from './feed.js';
import { duration, percent, value, time, dateTime, words, cents, el } from './format.js';
import { NOT_READY_REASONS } from './reasons.js';
import { IntervalCharts, intervalsOf } from './charts.js';

const me = await requireUser('SUPERVISOR');
document.getElementById('who').textContent = me.user;
document.getElementById('logout').addEventListener('click', logout);

const state = new LiveState();
const center = await get('/api/center');
const charts = new IntervalCharts(document.getElementById('chart-volume'), document.getElementById('chart-sl'),
    document.getElementById('chart-aht'));

// ---- queue tiles

function queueTile(q) {
    const sl = q.today.serviceLevel;
    const goal = q.serviceLevelGoalPercent / 100;
    const slClass = sl == null ? '' : sl >= goal ? 'good' : 'bad';
    const byState = q.repsByState;
    return el('article', { class: 'tile', 'data-queue': q.id, 'aria-labelledby': `queue-${q.id}` },
        el('h3', { id: `queue-${q.id}` }, q.name),
        el('dl', { class: 'figures' },
            el('div', {}, el('dt', {}, 'Waiting'), el('dd', { class: 'big waiting' }, q.waiting)),
            el('div', {}, el('dt', {}, 'Longest wait'),
                el('dd', { class: 'big longest-wait', 'data-wait': q.longestWaitSeconds, 'data-waiting': q.waiting },
                    duration(q.longestWaitSeconds))),
            el('div', { title: 'What a caller joining now may expect: their place in line at the recent answer pace' },
                el('dt', {}, 'Expected wait'),
                el('dd', { class: 'big expected-wait' }, duration(q.expectedWaitSeconds))),
            el('div', {}, el('dt', {}, `Service level (${q.serviceLevelSeconds} s)`),
                el('dd', { class: `big sl ${slClass}` }, percent(sl),
                    el('span', { class: 'goal' }, ` goal ${q.serviceLevelGoalPercent}%`)))),
        el('ul', { class: 'rep-counts', 'aria-label': 'Reps by state' },
            el('li', { class: 'READY' }, el('b', {}, byState.READY), ' ready'),
            el('li', { class: 'ON_CALL' }, el('b', {}, byState.ON_CALL), ' on call'),
            el('li', { class: 'WRAP_UP' }, el('b', {}, byState.WRAP_UP), ' wrap'),
            el('li', { class: 'NOT_READY' }, el('b', {}, byState.NOT_READY), ' not ready')),
        el('p', { class: 'muted today' },
            `Today: ${q.today.offered} offered, ${q.today.answered} answered, ${q.today.abandoned} abandoned`));
}

function renderQueues() {
    const box = document.getElementById('queues');
    box.replaceChildren(...[...state.queues.values()].map(queueTile));
}

// ---- calls in progress

function callRow(c) {
    const rep = c.repId ? state.reps.get(c.repId) : null;
    return el('tr', { 'data-call': c.callId },
        el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openCall(c.callId) },
            `#${c.callId}`)),
        el('td', {}, el('span', { class: `phase ${c.phase}` }, words(c.phase))),
        el('td', {}, c.queueId || '–'),
        el('td', {}, c.segment || '–'),
        el('td', {}, c.customerId || c.from || 'unknown'),
        el('td', { class: 'num' }, value(c.value)),
        el('td', {}, rep ? rep.name : c.repId || '–'),
        el('td', { class: 'num tick', 'data-base': c.waitSeconds, 'data-grows': c.phase === 'QUEUED' || c.phase === 'RINGING' },
            duration(c.waitSeconds)),
        el('td', { class: 'num tick', 'data-base': c.talkSeconds, 'data-grows': c.phase === 'TALKING' || c.phase === 'HELD' },
            c.talkSeconds ? duration(c.talkSeconds) : '–'));
}

function renderCalls() {
    const calls = [...state.calls.values()].sort((a, b) => a.callId - b.callId);
    document.querySelector('#calls tbody').replaceChildren(...calls.map(callRow));
    document.getElementById('no-calls').hidden = calls.length > 0;
}

// ---- reps

function currentCaller(r) {
    const c = r.currentCall ? state.calls.get(r.currentCall) : null;
    if (!r.currentCall) {
        return '–';
    }
    if (!c) {
        return el('button', { type: 'button', class: 'link', onclick: () => openCall(r.currentCall) },
            `#${r.currentCall}`);
    }
    return el('button', { type: 'button', class: 'link', onclick: () => openCall(c.callId) },
        `${c.segment || 'unknown'} · ${value(c.value)}`);
}

function repRow(r) {
    return el('tr', { 'data-rep': r.id },
        el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link rep-name', onclick: () => openRep(r.id) },
            r.name)),
        el('td', {}, el('span', { class: `state ${r.state}` }, words(r.state)),
            r.reason && r.state === 'NOT_READY' ? el('span', { class: 'reason' }, ` (${r.reason})`) : ''),
        el('td', { class: 'num tick', 'data-base': r.timeInStateSeconds, 'data-grows': r.state !== 'LOGGED_OUT' },
            duration(r.timeInStateSeconds)),
        el('td', {}, currentCaller(r)),
        el('td', { class: 'num' }, r.today.handled),
        el('td', { class: 'num' }, duration(r.today.talkSeconds)),
        el('td', { class: 'num' }, duration(r.today.wrapSeconds)),
        el('td', { class: 'num' }, duration(r.today.handleSeconds)));
}

function renderReps() {
    const order = { ON_CALL: 0, WRAP_UP: 1, READY: 2, NOT_READY: 3, LOGGED_OUT: 4 };
    const reps = [...state.reps.values()].sort((a, b) => order[a.state] - order[b.state] || a.name.localeCompare(b.name));
    document.querySelector('#reps tbody').replaceChildren(...reps.map(repRow));
    if (openRepId) {
        showRepState();
    }
}

// ---- live ticking: waits and times in state grow between messages

function tick() {
    const since = state.sinceMessage();
    for (const cell of document.querySelectorAll('.tick[data-grows="true"]')) {
        cell.textContent = duration(Number(cell.dataset.base) + since);
    }
    for (const cell of document.querySelectorAll('.longest-wait')) {
        if (Number(cell.dataset.waiting) > 0) {
            cell.textContent = duration(Number(cell.dataset.wait) + since);
        }
    }
}
setInterval(tick, 1000);

// ---- charts and recent calls: from the history API, refreshed when calls end and every minute

let refreshTimer = null;
function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshHistory, 1000);
}

async function refreshHistory() {
    try {
        charts.show(await intervalsOf(get, center.today));
        const page = await get('/api/cdrs?limit=15');
        document.querySelector('#recent tbody').replaceChildren(...page.items.map((c) => el('tr', { 'data-call': c.callId },
            el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openCall(c.callId) }, `#${c.callId}`)),
            el('td', {}, dateTime(c.arrivedAt)),
            el('td', {}, c.queueId || '–'),
            el('td', {}, c.segment || '–'),
            el('td', {}, words(c.result)),
            el('td', {}, c.reps.join(', ') || '–'),
            el('td', {}, c.outcome ? `${c.outcome}${c.revenueCents ? ` (${cents(c.revenueCents)})` : ''}` : '–'),
            el('td', {}, c.recording ? 'yes' : '–'))));
    } catch (e) {
        console.warn('history refresh failed', e);
    }
}
setInterval(refreshHistory, 60000);
refreshHistory();

// ---- rep dialog: state controls

const repDialog = document.getElementById('rep-dialog');
const reasonSelect = document.getElementById('rep-dialog-reason');
reasonSelect.replaceChildren(...NOT_READY_REASONS.map(([code, label]) => el('option', { value: code }, label)));
let openRepId = null;

function showRepState() {
    const r = state.reps.get(openRepId);
    if (!r) {
        return;
    }
    document.getElementById('rep-dialog-title').textContent = r.name;
    document.getElementById('rep-dialog-state').replaceChildren(
        el('span', { class: `state ${r.state}`, id: 'rep-dialog-current' }, words(r.state)),
        r.reason && r.state === 'NOT_READY' ? ` (${r.reason})` : '',
        ` for ${duration(r.timeInStateSeconds)} · ${r.kind ? words(r.kind) : ''} rep`);
    const loggedOut = r.state === 'LOGGED_OUT';
    const busy = r.state === 'ON_CALL';
    repDialog.querySelector('[data-action="login"]').disabled = !loggedOut;
    repDialog.querySelector('[data-action="ready"]').disabled = loggedOut || busy || r.state === 'READY';
    repDialog.querySelector('[data-action="not-ready"]').disabled = loggedOut;
    repDialog.querySelector('[data-action="logout"]').disabled = loggedOut || busy;
}

function openRep(id) {
    openRepId = id;
    document.getElementById('rep-dialog-message').textContent = '';
    showRepState();
    repDialog.showModal();
}
repDialog.addEventListener('close', () => { openRepId = null; });

for (const button of repDialog.querySelectorAll('[data-action]')) {
    button.addEventListener('click', async () => {
        const message = document.getElementById('rep-dialog-message');
        const action = button.dataset.action;
        message.textContent = 'Sending…';
        try {
            await repAction(openRepId, action === 'ready' && state.reps.get(openRepId)?.state === 'WRAP_UP'
                ? 'end-wrap-up' : action, reasonSelect.value);
            message.textContent = `Done: ${words(action.replace('-', '_'))}.`;
        } catch (e) {
            message.textContent = e instanceof ApiError ? `Refused: ${e.message}` : String(e);
        }
    });
}

// ---- call dialog: timeline and recording

const callDialog = document.getElementById('call-dialog');

function describe(e) {
    switch (e.type) {
        case 'CallArrived': return `arrived from ${e.from || 'unknown'} on ${e.lineId || e.direction}`;
        case 'CallClassified': return `classified: ${e.customerId || 'unknown caller'}, ${e.segment}, value ${value(e.value)}`;
        case 'CallQueued': return `queued in ${e.queueId}`;
        case 'CallOffered': return `offered to ${e.repId} (tier ${e.tier})`;
        case 'OfferFailed': return `offer to ${e.repId} failed: ${words(e.failure)}`;
        case 'CallAnswered': return `answered by ${e.repId}`;
        case 'CallHeld': return 'put on hold';
        case 'CallResumed': return 'taken off hold';
        case 'CallEnded': return `ended by ${words(e.endedBy)} (${e.reason})`;
        case 'CallAbandoned': return 'abandoned by the caller';
        case 'WrapUpStarted': return `${e.repId} started wrap-up`;
        case 'WrapUpEnded': return `${e.repId} ended wrap-up`;
        case 'DispositionRecorded': return `disposition ${e.outcome} by ${e.repId}, revenue ${cents(e.revenueCents)}${e.note ? `: ${e.note}` : ''}`;
        case 'RecordingReady': return 'recording ready';
        case 'QaScored': return `QA score ${e.score}`;
        default: return words(e.type.replace(/([a-z])([A-Z])/g, '$1_$2'));
    }
}

async function openCall(callId) {
    document.getElementById('call-dialog-title').textContent = `Call #${callId}`;
    const list = document.getElementById('call-timeline');
    const audio = document.getElementById('call-dialog-audio');
    list.replaceChildren(el('li', {}, 'Loading…'));
    audio.replaceChildren();
    callDialog.showModal();
    try {
        const events = await get(`/api/calls/${callId}/events`);
        list.replaceChildren(...events.map((e) => el('li', { 'data-type': e.type },
            el('time', { datetime: e.at }, time(e.at)), ' ', describe(e))));
        if (events.some((e) => e.type === 'RecordingReady')) {
            audio.replaceChildren(el('audio', { controls: true, preload: 'none',
                src: `/api/calls/${callId}/recording`, 'aria-label': `Recording of call ${callId}` }));
        } else {
            audio.replaceChildren(el('p', { class: 'muted' }, 'No recording for this call.'));
        }
    } catch (e) {
        list.replaceChildren(el('li', { class: 'error' }, e.message));
    }
}

// ---- the feed

function setStatus(status) {
    const node = document.getElementById('feed-status');
    node.textContent = status;
    node.className = `feed-status ${status}`;
}

// Today's figures in the tiles move when calls are offered, answered or abandoned: then the charts are stale too.
let todayShown = '';

connectFeed(state, () => {
    renderQueues();
    renderCalls();
    renderReps();
    const today = JSON.stringify([...state.queues.values()].map((q) => q.today));
    if (today !== todayShown) {
        todayShown = today;
        refreshSoon();
    }
}, setStatus);
