// Loaded without defer, in <head>: marks the page as scripted before the first paint, so the phone menu starts
// folded behind its button (without JavaScript the menu simply stays open). Everything below listens on document.
document.documentElement.classList.add("js");

// The phone menu: a real button (aria-expanded, aria-controls) that shows and hides the navigation.
function setMenuOpen(button, open) {
    const nav = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", String(open));
    if (nav) {
        nav.classList.toggle("open", open);
    }
}

document.addEventListener("click", (event) => {
    const toggle = event.target.closest && event.target.closest("button.nav-toggle");
    if (toggle) {
        setMenuOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
        return;
    }
    // A click outside the "More" menu folds it, as any drop-down does.
    document.querySelectorAll("details.nav-more[open]").forEach((more) => {
        if (!more.contains(event.target)) {
            more.open = false;
        }
    });
});

document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") {
        return;
    }
    const more = document.querySelector("details.nav-more[open]");
    if (more) {
        more.open = false;
        more.querySelector("summary").focus();
        return;
    }
    const toggle = document.querySelector('button.nav-toggle[aria-expanded="true"]');
    if (toggle && toggle.offsetParent !== null) {
        setMenuOpen(toggle, false);
        toggle.focus();
    }
});

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

// Field errors, for every form that follows the house pattern <label>text <input> <span class="field-error">:
// the error leaves the label (it is no longer read as part of the field's name), gets an id, and the field points
// to it with aria-describedby and says aria-invalid="true". Label and error share a wrapper that takes the label's
// place in grid layouts. Without JavaScript the error simply stays visible inside the label.
function describeFieldErrors(root) {
    root.querySelectorAll("label .field-error").forEach((error) => {
        if (!error.textContent.trim()) {
            return;
        }
        const label = error.closest("label");
        const control = label.control || label.querySelector("input, select, textarea");
        if (!control) {
            return;
        }
        if (!error.id) {
            let id = (control.id || control.name || "field").replace(/[^A-Za-z0-9_-]/g, "-") + "-error";
            while (document.getElementById(id)) {
                id += "-";
            }
            error.id = id;
        }
        const field = document.createElement("div");
        field.className = "field " + label.className;
        label.before(field);
        field.append(label, error);
        control.setAttribute("aria-invalid", "true");
        const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
        if (!described.includes(error.id)) {
            described.push(error.id);
        }
        control.setAttribute("aria-describedby", described.join(" "));
    });
}

document.addEventListener("DOMContentLoaded", () => describeFieldErrors(document));
document.addEventListener("htmx:afterSwap", (event) => describeFieldErrors(event.detail.target));

// A page that comes back with an error summary (a refused form) brings it into view and gives it the focus, so the
// person on a phone sees what went wrong and a screen reader reads it, instead of the top of an unchanged page.
document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector(".error-summary");
    if (summary) {
        if (!summary.hasAttribute("tabindex")) {
            summary.setAttribute("tabindex", "-1");
        }
        summary.focus({ preventScroll: true });
        summary.scrollIntoView({ block: "center" });
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

// Switching language reloads the page: what the person typed but did not send yet is carried across in this tab's
// sessionStorage (never passwords or files) and put back into the same fields of the same form.
const TYPED_KEY = "ruleone.typed";

function changedFields() {
    const changed = [];
    document.querySelectorAll("form:not(.language-picker)").forEach((form, formIndex) => {
        Array.from(form.elements).forEach((field) => {
            if (!field.name || field.disabled || ["password", "file", "hidden", "submit", "button"].includes(field.type)) {
                return;
            }
            if (field.type === "checkbox" || field.type === "radio") {
                if (field.checked !== field.defaultChecked) {
                    changed.push({ form: formIndex, name: field.name, value: field.value, checked: field.checked });
                }
            } else if (field.tagName === "SELECT") {
                const picked = Array.from(field.options).some((o) => o.selected !== o.defaultSelected);
                if (picked) {
                    changed.push({ form: formIndex, name: field.name, value: field.value });
                }
            } else if (field.value !== field.defaultValue) {
                changed.push({ form: formIndex, name: field.name, value: field.value });
            }
        });
    });
    return changed;
}

document.addEventListener("submit", (event) => {
    if (!event.target.matches("form.language-picker")) {
        return;
    }
    const fields = changedFields();
    if (fields.length > 0) {
        sessionStorage.setItem(TYPED_KEY, JSON.stringify({ path: location.pathname + location.search, fields }));
    }
});

document.addEventListener("DOMContentLoaded", () => {
    const saved = sessionStorage.getItem(TYPED_KEY);
    if (!saved) {
        return;
    }
    sessionStorage.removeItem(TYPED_KEY);
    const typed = JSON.parse(saved);
    if (typed.path !== location.pathname + location.search) {
        return;
    }
    const forms = document.querySelectorAll("form:not(.language-picker)");
    typed.fields.forEach((entry) => {
        const form = forms[entry.form];
        if (!form) {
            return;
        }
        form.querySelectorAll("[name]").forEach((field) => {
            if (field.name !== entry.name) {
                return;
            }
            if (field.type === "checkbox" || field.type === "radio") {
                if (field.value === entry.value) {
                    field.checked = entry.checked;
                }
            } else {
                field.value = entry.value;
            }
        });
    });
});
