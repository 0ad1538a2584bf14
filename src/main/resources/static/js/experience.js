// The survey trend: a <canvas data-survey-chart='{"labels":[],"score":{label,data},"low":{…},"high":{…}}'> becomes a
// line of the come-back score with its 95% interval drawn as a band (Chart.js fills from "high" down to "low").
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
    const ink = "#1f5e4a";
    const band = "rgba(31, 94, 74, 0.18)";

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.surveyChart);
        canvas.dataset.drawn = "true";
        new window.Chart(canvas, {
            type: "line",
            data: {
                labels: spec.labels,
                datasets: [
                    {label: spec.high.label, data: spec.high.data, fill: "+1", backgroundColor: band,
                        borderColor: "transparent", pointRadius: 0, spanGaps: true},
                    {label: spec.low.label, data: spec.low.data, fill: false, backgroundColor: band,
                        borderColor: "transparent", pointRadius: 0, spanGaps: true},
                    {label: spec.score.label, data: spec.score.data, fill: false, borderColor: ink,
                        backgroundColor: ink, borderWidth: 2, pointRadius: 3, spanGaps: true}
                ]
            },
            options: {
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                scales: {y: {min: -100, max: 100}},
                // "low" only closes the band: the legend names the band once, by "high"
                plugins: {legend: {position: "bottom", labels: {filter: (item) => item.datasetIndex !== 1}}}
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-survey-chart]").forEach(draw);
    });
})();
