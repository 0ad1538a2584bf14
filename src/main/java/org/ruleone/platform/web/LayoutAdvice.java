package org.ruleone.platform.web;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import org.ruleone.platform.internal.DatabaseBackups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page's layout needs. */
@ControllerAdvice
class LayoutAdvice {

    private final ObjectProvider<DatabaseBackups> backups;

    LayoutAdvice(ObjectProvider<DatabaseBackups> backups) {
        this.backups = backups;
    }

    /** A failed last backup, for the owner's home page (never silent; ADR 0121). */
    record BackupFailure(Instant failedAt, ZoneId zone) {
    }

    @ModelAttribute("backupFailure")
    BackupFailure backupFailure(HttpServletRequest request) {
        DatabaseBackups embedded = backups.getIfAvailable();
        if (embedded == null || !(request.getContextPath() + "/").equals(request.getRequestURI()) || !request.isUserInRole("OWNER")) {
            return null;
        }
        return embedded.lastFailure().map(run -> new BackupFailure(run.finishedAt(), ZoneId.systemDefault())).orElse(null);
    }

    /** The page's own path, so the language picker can bring the person back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI();
        return query == null || query.contains("lang=") ? path : path + "?" + query;
    }
}
