// Rep desktop: own state, the customer card when a call rings, the wrap-up form with its countdown, own figures.
import { get, post, requireUser, logout, repAction, ApiError } from './api.js';
import { LiveState, connectFeed } from './feed.js';
import { duration, value, dateTime, words, el } from './format.js';
import { NOT_READY_REASONS } from './reasons.js';

const me = await requireUser('REP');
const repId = me.repId;
document.getElementById('logout').addEventListener('click', logout);
const center = await get('/api/center');

const state = new LiveState();
const $ = (id) => document.getElementById(id);

$('reason').replaceChildren(...NOT_READY_REASONS.map(([code, label]) => el('option', { value: code }, label)));
$('outcome').replaceChildren(el('option', { value: '' }, 'Choose an outcome'),
    ...center.outcomes.map((code) => el('option', { value: code }, words(code.replaceAll('-', '_')))));

// ---- state

function me_() {
    return state.reps.get(repId);
}

function renderState() {
    const r = me_();
    if (!r) {
        return;
    }
    $('rep-name').textContent = r.name;
    document.title = `${r.name} · ACD`;
    $('my-state').textContent = words(r.state);
    $('my-state').className = `state ${r.state}`;
    $('my-reason').textContent = r.reason && r.state === 'NOT_READY' ? `(${r.reason})` : '';
    const loggedOut = r.state === 'LOGGED_OUT';
    const onCall = r.state === 'ON_CALL';
    $('do-login').disabled = !loggedOut;
    $('do-ready').disabled = loggedOut || onCall || r.state === 'READY';
    $('do-not-ready').disabled = loggedOut;
    $('do-logout').disabled = loggedOut || onCall;
    $('today-handled').textContent = r.today.handled;
    $('today-talk').textContent = duration(r.today.talkSeconds);
    $('today-wrap').textContent = duration(r.today.wrapSeconds);
    $('today-handle').textContent = duration(r.today.handleSeconds);
    $('today-aht').textContent = r.today.handled ? duration(r.today.handleSeconds / r.today.handled) : '–';
}

for (const button of document.querySelectorAll('.buttons [data-action], .inline [data-action]')) {
    button.addEventListener('click', async () => {
        let action = button.dataset.action;
        if (action === 'ready' && me_()?.state === 'WRAP_UP') {
            action = 'end-wrap-up';
        }
        await act(action, $('state-message'));
    });
}

async function act(action, message) {
    message.textContent = 'Sending…';
    try {
        await repAction(repId, action, $('reason').value);
        message.textContent = '';
    } catch (e) {
        message.textContent = e instanceof ApiError ? `Refused: ${e.message}` : String(e);
    }
}

// ---- the current call and the customer card

let cardCallId = null;

async function showCard(callId) {
    if (cardCallId === callId) {
        return;
    }
    cardCallId = callId;
    try {
        const card = await get(`/api/calls/${callId}/customer`);
        if (cardCallId !== callId) {
            return;
        }
        $('card-name').textContent = card.known ? card.name : 'Unknown caller';
        $('card-account').textContent = card.account || '';
        $('card-segment').textContent = card.segmentName || card.segment || '–';
        $('card-value').textContent = value(card.value);
        $('card-owner').textContent = card.accountOwnerName || '–';
        $('card-territory').textContent = card.territory || '–';
        $('card-partner').textContent = card.partnerName || '–';
        $('card-from').textContent = card.from || '–';
        $('card-last-calls').replaceChildren(...(card.lastCalls.length === 0 ? [el('li', { class: 'muted' }, 'None')]
            : card.lastCalls.map((c) => el('li', {}, `${dateTime(c.arrivedAt)} · ${words(c.result)}`
                + `${c.reps.length ? ` · ${c.reps.join(', ')}` : ''}${c.outcome ? ` · ${c.outcome}` : ''}`))));
        $('customer-card').hidden = false;
    } catch (e) {
        cardCallId = null;
        $('no-call').textContent = `Could not load the customer: ${e.message}`;
    }
}

function renderCall() {
    const r = me_();
    const callId = r && r.currentCall;
    const live = callId ? state.calls.get(callId) : null;
    const ringing = r && r.ringing;
    $('ringing').hidden = !ringing;
    $('ringing').textContent = ringing ? `Incoming call${live && live.queueId ? ` on ${live.queueId}` : ''}: answer on your phone` : '';
    $('call-panel').classList.toggle('is-ringing', !!ringing);
    if (callId && (ringing || r.state === 'ON_CALL' || r.state === 'WRAP_UP')) {
        $('no-call').hidden = true;
        showCard(callId);
    } else {
        $('no-call').hidden = false;
        $('no-call').textContent = 'No call right now.';
        $('customer-card').hidden = true;
        cardCallId = null;
    }
}

// ---- wrap-up

let wrapCallId = null;

function renderWrap() {
    const r = me_();
    const wrapping = r && r.state === 'WRAP_UP' && r.currentCall;
    if (wrapping && wrapCallId !== r.currentCall) {
        wrapCallId = r.currentCall;
        $('wrap-form').reset();
        $('wrap-message').textContent = '';
        $('save-disposition').disabled = false;
    }
    // The form stays after the wrap-up ends until the rep has saved or takes another call.
    if (r && r.state === 'ON_CALL') {
        wrapCallId = null;
    }
    $('wrap-panel').hidden = wrapCallId == null;
    $('wrap-call').textContent = wrapCallId ? `call #${wrapCallId}` : '';
    $('end-wrap').disabled = !wrapping;
    tickWrap();
}

function tickWrap() {
    const r = me_();
    if (r && r.state === 'WRAP_UP' && r.wrapEndsAt) {
        $('wrap-countdown').textContent = duration((Date.parse(r.wrapEndsAt) - state.serverNow()) / 1000);
    } else {
        $('wrap-countdown').textContent = wrapCallId ? 'ended' : '–';
    }
}

$('wrap-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = $('wrap-message');
    const outcome = $('outcome').value;
    if (!outcome) {
        message.textContent = 'Choose an outcome.';
        $('outcome').focus();
        return;
    }
    const revenueText = $('revenue').value.trim().replace(',', '.');
    if (revenueText && !/^\d+(\.\d{1,2})?$/.test(revenueText)) {
        message.textContent = 'Revenue must be an amount like 1250 or 1250.50.';
        $('revenue').focus();
        return;
    }
    const revenueCents = revenueText ? Math.round(parseFloat(revenueText) * 100) : 0;
    const note = $('note').value.trim();
    $('save-disposition').disabled = true;
    message.textContent = 'Saving…';
    message.className = '';
    try {
        await post(`/api/calls/${wrapCallId}/disposition`, { outcome, revenueCents, note: note || null });
        message.textContent = `Saved: ${outcome} for call #${wrapCallId}.`;
        message.className = 'ok';
    } catch (e) {
        message.textContent = e instanceof ApiError ? `Refused: ${e.message}` : String(e);
        message.className = 'error';
        $('save-disposition').disabled = e instanceof ApiError && e.status === 409;
    }
});

$('end-wrap').addEventListener('click', () => act('end-wrap-up', $('wrap-message')));

// ---- ticking and the feed

setInterval(() => {
    const r = me_();
    if (r && r.state !== 'LOGGED_OUT') {
        $('my-time').textContent = duration(r.timeInStateSeconds + state.sinceMessage());
    }
    tickWrap();
}, 1000);

function setStatus(status) {
    $('feed-status').textContent = status;
    $('feed-status').className = `feed-status ${status}`;
}

connectFeed(state, () => {
    renderState();
    renderCall();
    renderWrap();
    const r = me_();
    if (r) {
        $('my-time').textContent = duration(r.timeInStateSeconds);
    }
}, setStatus);
