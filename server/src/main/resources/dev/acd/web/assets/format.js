// How numbers and times are shown on every page.

/** Seconds as m:ss, or h:mm:ss from an hour on. */
export function duration(seconds) {
    if (seconds == null || Number.isNaN(seconds)) {
        return '–';
    }
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A ratio 0..1 as a whole percentage, or a dash when undefined. */
export function percent(ratio) {
    return ratio == null ? '–' : `${Math.round(ratio * 100)}%`;
}

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A customer value in whole currency units. */
export function value(units) {
    return units == null ? '–' : money.format(units);
}

/** Revenue in cents. */
export function cents(amount) {
    return amount == null ? '–' : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        .format(amount / 100);
}

/** An ISO instant as a local time of day. */
export function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '–';
}

/** An ISO instant as a local date and time. */
export function dateTime(iso) {
    return iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : '–';
}

/** A state code (ON_CALL) as words (on call). */
export function words(code) {
    return code ? code.toLowerCase().replaceAll('_', ' ') : '';
}

/** Creates an element with attributes and children (strings become text, never HTML). */
export function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, v] of Object.entries(attrs || {})) {
        if (v == null || v === false) {
            continue;
        }
        if (name.startsWith('on')) {
            node.addEventListener(name.substring(2), v);
        } else if (name === 'class') {
            node.className = v;
        } else {
            node.setAttribute(name, v === true ? '' : v);
        }
    }
    for (const child of children.flat()) {
        if (child != null && child !== false) {
            node.append(child instanceof Node ? child : String(child));
        }
    }
    return node;
}
