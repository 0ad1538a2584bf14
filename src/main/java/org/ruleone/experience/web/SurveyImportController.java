package org.ruleone.experience.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.AnswerScale;
import org.ruleone.experience.SurveyColumn;
import org.ruleone.experience.SurveyFilePreview;
import org.ruleone.experience.SurveyImportMapping;
import org.ruleone.experience.SurveyImportRun;
import org.ruleone.experience.SurveyImports;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvEncoding;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.Formats;
import org.ruleone.platform.Uploads;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Survey results imports, as the purchases import does it: the history and the upload, the column mapping with a
 * preview, and one run's progress bar and summary with the rejected rows. Managers import into their own store, the
 * owner into any; a store, upload or run outside that is not found.
 */
@Controller
@RequestMapping("/experience/imports")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class SurveyImportController {

    private static final int SHOWN_REJECTIONS = 200;
    private static final long MAX_UPLOAD_MB = Uploads.MAX_BYTES / (1024 * 1024);
    private static final Set<String> REFUSALS = Set.of("NOT_TEXT", "RECORD_TOO_LONG", "TOO_MANY_COLUMNS",
            "TOO_LARGE");

    private final SurveyImports imports;
    private final Organization organization;
    private final Uploads uploads;

    SurveyImportController(SurveyImports imports, Organization organization, Uploads uploads) {
        this.imports = imports;
        this.organization = organization;
        this.uploads = uploads;
    }

    /** A run as the screens show it, with its store's name and its times in the store's zone. */
    record RunView(SurveyImportRun run, String storeName, String startedAt, String finishedAt) {
    }

    /** One target column on the mapping screen; its label is {@code experience.import.field.<name>}. */
    record FieldView(String name, boolean required) {
    }

    @GetMapping
    String history(@AuthenticationPrincipal SignedInAssociate me, @RequestParam(required = false) String refused,
                   @RequestParam(defaultValue = "1") long line, Locale locale, Model model) {
        if (refused != null && REFUSALS.contains(refused)) {
            model.addAttribute("refusal", "experience.import.refused." + refused);
            model.addAttribute("refusalLine", line);
            model.addAttribute("refusalLimit", refused.equals("TOO_LARGE") || refused.equals("NOT_TEXT")
                    ? MAX_UPLOAD_MB : CsvLimits.Problem.valueOf(refused).limit());
        }
        model.addAttribute("maxUploadMb", MAX_UPLOAD_MB);
        Map<Long, StoreSummary> stores = stores(me);
        model.addAttribute("runs", imports.recent(me.storeScope(), 100).stream()
                .filter(r -> stores.containsKey(r.storeId())).map(r -> view(r, stores, locale)).toList());
        return "experience/imports";
    }

    @PostMapping("/upload")
    String upload(@RequestParam("file") MultipartFile file,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @AuthenticationPrincipal SignedInAssociate me, HttpServletResponse response,
                  RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("problem", "experience.import.upload.empty");
            return "redirect:/experience/imports";
        }
        String target;
        try (InputStream in = file.getInputStream()) {
            target = uploads.receive(in, file.getOriginalFilename(), me.id(), f -> SurveyImports.preview(f, Optional.empty()),
                    "/experience/imports/new", "/experience/imports");
        }
        if (htmx != null) {
            response.setHeader("HX-Redirect", target);
            return "experience/imports :: empty";
        }
        return "redirect:" + target;
    }

    @GetMapping("/new")
    String mapping(@RequestParam String upload, @RequestParam(defaultValue = "upload.csv") String name,
                   @RequestParam(required = false) String encoding, @AuthenticationPrincipal SignedInAssociate me,
                   Model model) {
        Path file = uploads.find(upload, me.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        SurveyFilePreview preview;
        try {
            preview = SurveyImports.preview(file, CsvEncoding.named(encoding));
        } catch (CsvLimits.Refused e) {
            return "redirect:/experience/imports?refused=" + e.problem().name() + "&line=" + e.line();
        }
        model.addAttribute("form", SurveyImportForm.of(upload, Uploads.displayName(name), me.storeId(), preview.suggested()));
        return mappingPage(preview, me, model);
    }

    @PostMapping
    String start(@ModelAttribute("form") SurveyImportForm form, BindingResult errors,
                 @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Path file = uploads.find(form.upload(), me.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        SurveyFilePreview preview;
        try {
            preview = SurveyImports.preview(file, CsvEncoding.named(form.encoding()));
        } catch (CsvLimits.Refused e) {
            return "redirect:/experience/imports?refused=" + e.problem().name() + "&line=" + e.line();
        }
        SurveyImportMapping mapping = form.mapping(preview.header().size(), errors);
        if (form.storeId() == null || !me.mayActIn(form.storeId()) || organization.store(form.storeId()).isEmpty()) {
            errors.rejectValue("storeId", "experience.import.validation.store");
        }
        if (errors.hasErrors()) {
            return mappingPage(preview, me, model);
        }
        String name = form.fileName() == null || form.fileName().isBlank() ? "upload.csv" : form.fileName().strip();
        long id = imports.start(new SurveyImports.Request(form.storeId(), uploads.keepForImport(file),
                Uploads.displayName(name), mapping, me.id()));
        return "redirect:/experience/imports/" + id;
    }

    private String mappingPage(SurveyFilePreview preview, SignedInAssociate me, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("stores", organization.storesVisibleTo(me).stream().filter(s -> me.mayActIn(s.id()))
                .toList());
        model.addAttribute("fields", SurveyImportForm.FIELDS.entrySet().stream()
                .map(e -> new FieldView(e.getValue(), e.getKey() == SurveyColumn.DATE)).toList());
        model.addAttribute("scales", AnswerScale.values());
        model.addAttribute("encodings", CsvEncoding.values());
        return "experience/import-mapping";
    }

    /** One run: the whole page, or (for htmx polling) just its progress fragment. */
    @GetMapping("/{id}")
    String run(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
               @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model) {
        SurveyImportRun run = imports.find(id).filter(r -> me.mayActIn(r.storeId()))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("view", view(run, stores(me), locale));
        model.addAttribute("rejected", run.status().finished() ? imports.rejectedRows(id, SHOWN_REJECTIONS) : List.of());
        return htmx != null ? "experience/import :: progress" : "experience/import";
    }

    private Map<Long, StoreSummary> stores(SignedInAssociate me) {
        return organization.storesVisibleTo(me).stream().filter(s -> me.mayActIn(s.id()))
                .collect(Collectors.toMap(StoreSummary::id, Function.identity()));
    }

    private static RunView view(SurveyImportRun run, Map<Long, StoreSummary> stores, Locale locale) {
        StoreSummary store = stores.get(run.storeId());
        ZoneId zone = store == null ? ZoneId.of("UTC") : store.timeZone();
        Formats fmt = Formats.of(locale);
        return new RunView(run, store == null ? "" : store.name(), fmt.dateTime(run.startedAt(), zone),
                fmt.dateTime(run.finishedAt(), zone));
    }
}
