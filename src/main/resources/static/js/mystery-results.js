// The mystery-shopping trend: a <canvas data-mystery-chart='{"labels":[],"series":[{label,data}]}'> becomes one line
// per store or department, the share of the weight earned each month (null where no visit was accepted).
// No inline scripts: the Content-Security-Policy forbids them; names reach Chart.js only as text drawn on a canvas.
(function () {
    const inks = ["#1f5e4a", "#9a3412", "#1d4ed8", "#a16207", "#7e22ce", "#0f766e", "#be123c", "#4d7c0f"];

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.mysteryChart);
        canvas.dataset.drawn = "true";
        new window.Chart(canvas, {
            type: "line",
            data: {
                labels: spec.labels,
                datasets: spec.series.map((s, i) => ({
                    label: s.label, data: s.data, fill: false, spanGaps: true, pointRadius: 3,
                    borderColor: inks[i % inks.length], backgroundColor: inks[i % inks.length],
                    borderWidth: i === 0 ? 3 : 2
                }))
            },
            options: {
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                scales: {y: {min: 0, max: 100}},
                plugins: {legend: {position: "bottom"}}
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-mystery-chart]").forEach(draw);
    });
})();
