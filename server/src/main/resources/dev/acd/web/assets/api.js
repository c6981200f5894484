// Calls to the ACD API (docs/api.md). The session is the HttpOnly cookie the login sets, so no token is kept in
// script-readable storage; every call sends it by being same-origin.

/** An API refusal: the HTTP status and the server's message, which names what was wrong. */
export class ApiError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

async function call(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 204) {
        return null;
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
        throw new ApiError(response.status, (data && data.error) || response.statusText);
    }
    return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);

/** The logged-in user ({user, role, repId}), or a redirect to the login page when there is no session. */
export async function requireUser(role) {
    try {
        const me = await get('/api/me');
        if (role === 'SUPERVISOR' && me.role === 'REP') {
            location.replace('/desk.html');
            return new Promise(() => {});
        }
        if (role === 'REP' && me.role !== 'REP') {
            location.replace('/wallboard.html');
            return new Promise(() => {});
        }
        return me;
    } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
            location.replace('/login.html');
            return new Promise(() => {});
        }
        throw e;
    }
}

/** Closes the session and goes back to the login page. */
export async function logout() {
    try {
        await post('/api/logout');
    } finally {
        location.replace('/login.html');
    }
}

/** Rep control: action is login, logout, ready, not-ready (with a reason code) or end-wrap-up. */
export function repAction(repId, action, reason) {
    return post(`/api/reps/${encodeURIComponent(repId)}/${action}`, action === 'not-ready' ? { reason } : {});
}
