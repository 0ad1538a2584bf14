// "Does experience bring them back?": a <canvas data-proof-chart='{"labels":[],"share":{label,data},"low":[],
// "high":[],"interval":"95% interval"}'> becomes bars of each group's share with its 95% interval drawn as a
// whisker by a small plugin (no extra library). No inline scripts: the Content-Security-Policy forbids them.
(function () {
    const ink = "#1f5e4a";
    const bar = "rgba(31, 94, 74, 0.35)";

    function whiskers(spec) {
        return {
            id: "proofWhiskers",
            afterDatasetsDraw(chart) {
                const meta = chart.getDatasetMeta(0);
                const y = chart.scales.y;
                const ctx = chart.ctx;
                ctx.save();
                ctx.strokeStyle = ink;
                ctx.lineWidth = 2;
                meta.data.forEach((element, i) => {
                    const low = spec.low[i];
                    const high = spec.high[i];
                    if (low === null || high === null) {
                        return;
                    }
                    const x = element.x;
                    const top = y.getPixelForValue(high);
                    const bottom = y.getPixelForValue(low);
                    const cap = Math.max(3, Math.min(8, (element.width || 12) / 4));
                    ctx.beginPath();
                    ctx.moveTo(x, top);
                    ctx.lineTo(x, bottom);
                    ctx.moveTo(x - cap, top);
                    ctx.lineTo(x + cap, top);
                    ctx.moveTo(x - cap, bottom);
                    ctx.lineTo(x + cap, bottom);
                    ctx.stroke();
                });
                ctx.restore();
            }
        };
    }

    function draw(canvas) {
        if (!window.Chart || canvas.dataset.drawn) {
            return;
        }
        const spec = JSON.parse(canvas.dataset.proofChart);
        canvas.dataset.drawn = "true";
        new window.Chart(canvas, {
            type: "bar",
            data: {
                labels: spec.labels,
                datasets: [{label: spec.share.label, data: spec.share.data, backgroundColor: bar, borderColor: ink,
                    borderWidth: 1}]
            },
            options: {
                responsive: true,
                animation: false,
                maintainAspectRatio: false,
                indexAxis: "x",
                scales: {y: {min: 0, max: 100, ticks: {callback: (v) => v + " %"}}},
                plugins: {
                    legend: {display: false},
                    tooltip: {callbacks: {afterLabel: (item) => spec.low[item.dataIndex] === null ? ""
                            : spec.interval + ": " + spec.low[item.dataIndex] + "–" + spec.high[item.dataIndex] + " %"}}
                }
            },
            plugins: [whiskers(spec)]
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("canvas[data-proof-chart]").forEach(draw);
    });
})();
