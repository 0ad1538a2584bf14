// Each associate's rank over the last periods: a <canvas data-rank-chart='{"labels":[],"series":[{label,data}],
// "rankLabel":"Rank","peers":7}'> becomes one line per associate, rank 1 at the top (the axis reversed).
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
    const palette = ["#1f5e4a", "#b5523b", "#3b6fb5", "#8a6d1f", "#6b3bb5", "#2f8a8a", "#a33b78", "#555555"];

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.rankChart);
        canvas.dataset.drawn = "true";
        new window.Chart(canvas, {
            type: "line",
            data: {
                labels: spec.labels,
                datasets: spec.series.map((s, i) => ({
                    label: s.label, data: s.data, fill: false, spanGaps: true, borderWidth: 2, pointRadius: 3,
                    borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length]
                }))
            },
            options: {
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                scales: {y: {reverse: true, min: 1, suggestedMax: Math.max(2, spec.peers),
                        ticks: {stepSize: 1, precision: 0}, title: {display: true, text: spec.rankLabel}}},
                plugins: {legend: {position: "bottom"}}
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-rank-chart]").forEach(draw);
    });
})();
