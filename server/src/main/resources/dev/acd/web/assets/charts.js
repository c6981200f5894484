// Today's figures by 15-minute interval (GET /api/stats?by=interval) as three small uPlot charts.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const METRICS = 'offered,handled,service_level,avg_handle_time';

/** The intervals of the center's day {@code today} (yyyy-mm-dd) as {labels, offered, handled, sl, aht}. */
export async function intervalsOf(get, today) {
    const next = new Date(`${today}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const to = next.toISOString().substring(0, 10);
    const doc = await get(`/api/stats?by=interval&from=${today}&to=${to}&metrics=${METRICS}`);
    const rows = (doc.rows || []).filter((r) => r.key !== 'total');
    return {
        // Keys are the interval's start in the center's zone, e.g. 2026-11-23T09:15-05:00: show its hh:mm.
        labels: rows.map((r) => r.key.substring(11, 16)),
        offered: rows.map((r) => r.offered),
        handled: rows.map((r) => r.handled),
        sl: rows.map((r) => (r.service_level == null ? null : Math.round(r.service_level * 100))),
        aht: rows.map((r) => (r.avg_handle_time == null ? null : Math.round(r.avg_handle_time))),
    };
}

function options(container, labels, series, yRange) {
    const width = Math.max(240, container.clientWidth || 320);
    return {
        width,
        height: 180,
        legend: { show: true },
        scales: { x: { time: false }, y: yRange ? { range: yRange } : {} },
        axes: [
            { values: (u, ticks) => ticks.map((i) => labels[i] || '') },
            {},
        ],
        series: [{ label: 'interval', value: (u, i) => (i == null ? '' : labels[i] || '') }, ...series],
    };
}

/** Draws (or redraws) the three charts into their containers. */
export class IntervalCharts {
    constructor(volume, sl, aht) {
        this.containers = { volume, sl, aht };
        this.plots = {};
        window.addEventListener('resize', () => this.resize());
    }

    show(data) {
        const x = data.labels.map((_, i) => i);
        if (x.length === 0) {
            for (const c of Object.values(this.containers)) {
                c.textContent = 'No calls yet today.';
            }
            this.plots = {};
            return;
        }
        this.draw('volume', data.labels, [
            { label: 'offered', stroke: '#1d4f91', width: 2 },
            { label: 'handled', stroke: '#2e7d32', width: 2 },
        ], [x, data.offered, data.handled]);
        this.draw('sl', data.labels, [{ label: 'service level %', stroke: '#8e24aa', width: 2 }],
            [x, data.sl], [0, 100]);
        this.draw('aht', data.labels, [{ label: 'avg handle s', stroke: '#ef6c00', width: 2 }], [x, data.aht]);
    }

    draw(name, labels, series, rows, yRange) {
        const container = this.containers[name];
        if (this.plots[name]) {
            this.plots[name].destroy();
        }
        container.textContent = '';
        this.plots[name] = new uPlot(options(container, labels, series, yRange), rows, container);
    }

    resize() {
        for (const [name, plot] of Object.entries(this.plots)) {
            plot.setSize({ width: Math.max(240, this.containers[name].clientWidth), height: 180 });
        }
    }
}
