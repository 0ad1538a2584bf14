package org.ruleone.platform.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.ruleone.platform.internal.DatabaseBackups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's backups screen (ADR 0121): the folder and how many to keep, the last backup (time, size, verified)
 * or its failure, "back up now". With a database server the screen says its own tools back it up.
 */
@Controller
@RequestMapping("/settings/backups")
@PreAuthorize("hasRole('OWNER')")
class BackupController {

    private final ObjectProvider<DatabaseBackups> backups;

    BackupController(ObjectProvider<DatabaseBackups> backups) {
        this.backups = backups;
    }

    /** The form of the settings; a record, never bound to stored state. */
    record BackupForm(String folder, Integer keep, Boolean confirmInsideDataDirectory) {
    }

    @GetMapping
    String page(Model model) {
        Optional<DatabaseBackups> embedded = Optional.ofNullable(backups.getIfAvailable());
        model.addAttribute("embedded", embedded.isPresent());
        model.addAttribute("zone", ZoneId.systemDefault());
        embedded.ifPresent(b -> {
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", b.settings()
                        .map(s -> new BackupForm(s.folder().toString(), s.keep(), s.insideDataDirectoryConfirmed()))
                        .orElse(new BackupForm("", 7, false)));
            }
            model.addAttribute("configured", b.settings().isPresent());
            model.addAttribute("dataDirectory", b.dataDirectory());
            model.addAttribute("runningSince", b.runningSince().orElse(null));
            model.addAttribute("runs", b.recent(10));
            model.addAttribute("last", b.last().orElse(null));
        });
        return "platform/backups";
    }

    @PostMapping
    String save(BackupForm form, Model model, RedirectAttributes flash) {
        DatabaseBackups embedded = backups.getIfAvailable();
        if (embedded == null) {
            return "redirect:/settings/backups";
        }
        List<DatabaseBackups.Problem> problems = embedded.save(form.folder(), form.keep() == null ? 0 : form.keep(),
                Boolean.TRUE.equals(form.confirmInsideDataDirectory()));
        if (problems.isEmpty()) {
            flash.addFlashAttribute("saved", true);
            return "redirect:/settings/backups";
        }
        model.addAttribute("form", form);
        model.addAttribute("problems", problems.stream()
                .map(p -> "backup.problem." + p.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return page(model);
    }

    @PostMapping("/run")
    String runNow(RedirectAttributes flash) {
        DatabaseBackups embedded = backups.getIfAvailable();
        if (embedded != null && embedded.settings().isPresent()) {
            flash.addFlashAttribute("started", embedded.startNow());
        }
        return "redirect:/settings/backups";
    }
}
