// The live feed (GET /api/live/feed, WebSocket): a snapshot on connect, then changes. The browser sends the session
// cookie with the handshake. Reconnects with a growing pause; each reconnect starts from a fresh snapshot.

/** What the feed has said so far: queues, reps and calls by id, and the server's clock offset. */
export class LiveState {
    constructor() {
        this.queues = new Map();
        this.reps = new Map();
        this.calls = new Map();
        /** Server time minus browser time, in ms, so waits tick on the server's clock. */
        this.offsetMs = 0;
        /** Browser time of the last message. */
        this.receivedAt = Date.now();
    }

    apply(message) {
        if (message.type === 'snapshot') {
            this.queues.clear();
            this.reps.clear();
            this.calls.clear();
        }
        this.receivedAt = Date.now();
        this.offsetMs = Date.parse(message.at) - this.receivedAt;
        for (const q of message.queues || []) this.queues.set(q.id, q);
        for (const r of message.reps || []) this.reps.set(r.id, r);
        for (const c of message.calls || []) this.calls.set(c.callId, c);
        for (const id of message.callsEnded || []) this.calls.delete(id);
    }

    /** Seconds passed since the last message: what a wait or time in state sent then has grown by. */
    sinceMessage() {
        return (Date.now() - this.receivedAt) / 1000;
    }

    /** Now on the server's clock, in ms since the epoch. */
    serverNow() {
        return Date.now() + this.offsetMs;
    }
}

/**
 * Connects and keeps connected. onMessage(message, state) runs after the state took the message in; onStatus gets
 * 'live', 'connecting' or 'offline'.
 */
export function connectFeed(state, onMessage, onStatus) {
    let pauseMs = 500;
    let closed = false;
    function open() {
        onStatus('connecting');
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        const socket = new WebSocket(`${scheme}//${location.host}/api/live/feed`);
        socket.addEventListener('message', (event) => {
            const message = JSON.parse(event.data);
            state.apply(message);
            if (message.type === 'snapshot') {
                pauseMs = 500;
                onStatus('live');
            }
            onMessage(message, state);
        });
        socket.addEventListener('close', async () => {
            if (closed) {
                return;
            }
            onStatus('offline');
            // A handshake refused for want of a session looks like any other close: ask, and log in again if so.
            const me = await fetch('/api/me', { credentials: 'same-origin' }).catch(() => null);
            if (me && me.status === 401) {
                location.replace('/login.html');
                return;
            }
            setTimeout(open, pauseMs);
            pauseMs = Math.min(pauseMs * 2, 15000);
        });
    }
    open();
    return { close() { closed = true; } };
}
