// A small chart from its data: <canvas data-simple-chart='{"type":"line"|"bar","labels":[],"datasets":[{label,data}],
// "min":1,"max":5}'>. The tenure spread and the roleplay progress use it; the table under each chart says the same.
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
    const ink = "#1f5e4a";

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.simpleChart);
        canvas.dataset.drawn = "true";
        const scale = {beginAtZero: spec.min === undefined};
        if (spec.min !== undefined) {
            scale.min = spec.min;
        }
        if (spec.max !== undefined) {
            scale.max = spec.max;
        }
        if (spec.type === "bar") {
            scale.ticks = {precision: 0};
        }
        new window.Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map((d) => ({label: d.label, data: d.data, borderColor: ink,
                    backgroundColor: spec.type === "bar" ? "rgba(31, 94, 74, 0.6)" : ink, borderWidth: 2,
                    pointRadius: 3, spanGaps: true}))
            },
            options: {
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                scales: {y: scale},
                plugins: {legend: {display: false}}
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-simple-chart]").forEach(draw);
    });
})();
