// Charts of the standards and ledger reports: a <canvas data-chart='{"labels":[],"series":[{"label","data"}]}'>
// becomes a bar chart (Chart.js). No inline scripts: the Content-Security-Policy forbids them.
(function () {
    const colours = ["#1f5e4a", "#c2410c", "#2563eb", "#7c3aed"];

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.chart);
        canvas.dataset.drawn = "true";
        const horizontal = spec.labels.length > 6 || window.matchMedia("(max-width: 720px)").matches;
        const valueAxis = {beginAtZero: true};
        if (spec.max) {
            valueAxis.max = spec.max;
        }
        if (spec.axis) {
            valueAxis.title = {display: true, text: spec.axis};
        }
        canvas.parentElement.style.height = Math.max(260, horizontal ? spec.labels.length * 44 + 90 : 320) + "px";
        new window.Chart(canvas, {
            type: "bar",
            data: {
                labels: spec.labels,
                datasets: spec.series.map((s, i) => ({
                    label: s.label, data: s.data, backgroundColor: colours[i % colours.length]
                }))
            },
            options: {
                indexAxis: horizontal ? "y" : "x",
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                scales: horizontal ? {x: valueAxis} : {y: valueAxis},
                plugins: {legend: {position: "bottom"}}
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-chart]").forEach(draw);
    });
})();
