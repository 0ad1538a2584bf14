// The home dashboard's small charts: <canvas data-spark='{"type":"line"|"bar","labels":[],"datasets":[{label,data}],
// "min":0,"max":100}'>. Each card says its figure in words too (the canvas's aria-label and the text above it).
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
    const inks = ["#1f5e4a", "#c58b2b"];

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.spark);
        canvas.dataset.drawn = "true";
        const y = {display: false, beginAtZero: spec.min === undefined};
        if (spec.min !== undefined) {
            y.min = spec.min;
            y.max = spec.max;
        }
        new window.Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map((d, i) => ({label: d.label, data: d.data, borderColor: inks[i % 2],
                    backgroundColor: inks[i % 2], borderWidth: 2, pointRadius: 2, spanGaps: true}))
            },
            options: {
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                events: [],
                scales: {x: {display: false}, y: y},
                plugins: {legend: {display: false}, tooltip: {enabled: false}}
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-spark]").forEach(draw);
    });
})();
