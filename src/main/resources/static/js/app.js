// Sends the CSRF token with every htmx request; forms without htmx carry it as a hidden field.
document.addEventListener("htmx:configRequest", (event) => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

// Confirmation for dangerous buttons, without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("submit", (event) => {
    const message = event.submitter && event.submitter.dataset.confirm;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Upload progress for forms marked data-upload-progress="<id of a <progress>>" and sent by htmx.
document.addEventListener("htmx:xhr:progress", (event) => {
    const form = event.target.closest && event.target.closest("form[data-upload-progress]");
    const bar = form && document.getElementById(form.dataset.uploadProgress);
    if (bar && event.detail.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
    }
});

// A time-zone field marked data-browser-time-zone starts with the browser's own zone when it is empty.
document.addEventListener("DOMContentLoaded", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.querySelectorAll("input[data-browser-time-zone]").forEach((field) => {
        if (!field.value && zone) {
            field.value = zone;
        }
    });
});
