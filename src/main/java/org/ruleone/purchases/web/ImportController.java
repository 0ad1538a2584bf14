package org.ruleone.purchases.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.Formats;
import org.ruleone.platform.NumberStyle;
import org.ruleone.platform.Uploads;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.FilePreview;
import org.ruleone.purchases.ImportRun;
import org.ruleone.purchases.PurchaseImports;
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

/** Purchase imports: the history, the upload, the column mapping, and one run's progress and summary. */
@Controller
@RequestMapping("/purchases/imports")
class ImportController {

    private static final int SHOWN_REJECTIONS = 200;

    private final PurchaseImports imports;
    private final Organization organization;
    private final Uploads uploads;

    ImportController(PurchaseImports imports, Organization organization, Uploads uploads) {
        this.imports = imports;
        this.organization = organization;
        this.uploads = uploads;
    }

    /** A run as the screens show it, with its store's name and its times in the store's zone. */
    record RunView(ImportRun run, String storeName, String startedAt, String finishedAt) {
    }

    /** Why an upload was refused, shown on the upload page: a {@link CsvLimits.Problem} or {@code TOO_LARGE}. */
    static final long MAX_UPLOAD_MB = Uploads.MAX_BYTES / (1024 * 1024);
    static final java.util.Set<String> REFUSALS = java.util.Set.of("NOT_TEXT", "RECORD_TOO_LONG", "TOO_MANY_COLUMNS",
            "TOO_LARGE");

    @GetMapping
    String history(@AuthenticationPrincipal SignedInAssociate me, @RequestParam(required = false) String refused,
                   @RequestParam(defaultValue = "1") long line, Locale locale, Model model) {
        if (refused != null && REFUSALS.contains(refused)) {
            model.addAttribute("refusal", "import.refused." + refused);
            model.addAttribute("refusalLine", line);
            model.addAttribute("refusalLimit", refused.equals("TOO_LARGE") || refused.equals("NOT_TEXT") ? MAX_UPLOAD_MB
                    : CsvLimits.Problem.valueOf(refused).limit());
        }
        model.addAttribute("maxUploadMb", MAX_UPLOAD_MB);
        Map<Long, StoreSummary> stores = stores(me);
        model.addAttribute("runs", imports.recent(me.storeScope(), 100).stream()
                .filter(r -> stores.containsKey(r.storeId())).map(r -> view(r, stores, locale)).toList());
        return "purchases/imports";
    }

    @PostMapping("/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @AuthenticationPrincipal SignedInAssociate me, HttpServletResponse response,
                  RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("problem", "import.upload.empty");
            return "redirect:/purchases/imports";
        }
        String target;
        try (InputStream in = file.getInputStream()) {
            target = uploads.receive(in, file.getOriginalFilename(), me.id(), PurchaseImports::preview,
                    "/purchases/imports/new", "/purchases/imports");
        }
        if (htmx != null) {
            response.setHeader("HX-Redirect", target);
            return "purchases/imports :: empty";
        }
        return "redirect:" + target;
    }

    static String refusedPage(String problem, long line) {
        return "/purchases/imports?refused=" + problem + "&line=" + line;
    }

    @GetMapping("/new")
    String mapping(@RequestParam String upload, @RequestParam(defaultValue = "upload.csv") String name,
                   @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Path file = uploads.find(upload, me.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        FilePreview preview;
        try {
            preview = PurchaseImports.preview(file);
        } catch (CsvLimits.Refused e) {
            return "redirect:" + refusedPage(e.problem().name(), e.line());
        }
        // The style the file's values show wins over the preset's; when they can be read two ways, none is chosen.
        Optional<NumberStyle> style = preview.numbers().style()
                .or(() -> preview.numbers().ambiguous().isPresent() ? Optional.empty()
                        : preview.preset().map(ColumnMapping::numberStyle));
        ColumnMapping mapping = preview.preset().orElse(ColumnMapping.blank(preview.delimiter(), null));
        model.addAttribute("form", ImportMappingForm.of(upload, name, me.storeId(), mapping, style));
        return mappingPage(preview, me, model);
    }

    @PostMapping
    String start(@ModelAttribute("form") ImportMappingForm form, BindingResult errors,
                 @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Path file = uploads.find(form.upload(), me.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        FilePreview preview;
        try {
            preview = PurchaseImports.preview(file);
        } catch (CsvLimits.Refused e) {
            return "redirect:" + refusedPage(e.problem().name(), e.line());
        }
        ColumnMapping mapping = form.mapping(preview.header().size(), errors);
        if (form.storeId() == null || !me.canSeeStore(form.storeId()) || organization.store(form.storeId()).isEmpty()) {
            errors.rejectValue("storeId", "import.validation.store");
        }
        if (errors.hasErrors()) {
            return mappingPage(preview, me, model);
        }
        String name = form.fileName() == null || form.fileName().isBlank() ? "upload.csv" : form.fileName().strip();
        long id = imports.start(new PurchaseImports.Request(form.storeId(), uploads.keepForImport(file), name, mapping,
                form.allOrNothing(), me.id()));
        return "redirect:/purchases/imports/" + id;
    }

    private String mappingPage(FilePreview preview, SignedInAssociate me, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("presetFound", preview.preset().isPresent());
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("fields", List.of(
                new MappingFieldView("invoice", true), new MappingFieldView("date", true),
                new MappingFieldView("customer", false), new MappingFieldView("sku", false),
                new MappingFieldView("description", false), new MappingFieldView("quantity", false),
                new MappingFieldView("unitPrice", true), new MappingFieldView("country", false)));
        model.addAttribute("numberStyles", NumberStyle.values());
        return "purchases/import-mapping";
    }

    /** One target column on the mapping screen; its label is {@code import.field.<name>}. */
    record MappingFieldView(String name, boolean required) {
    }

    /** One run: the whole page, or (for htmx polling) just its progress fragment. */
    @GetMapping("/{id}")
    String run(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
               @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model) {
        ImportRun run = visible(id, me);
        model.addAttribute("view", view(run, stores(me), locale));
        model.addAttribute("rejected", run.status().finished() ? imports.rejectedRows(id, SHOWN_REJECTIONS) : List.of());
        return htmx != null ? "purchases/import :: progress" : "purchases/import";
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        visible(id, me);
        if (!imports.resume(id)) {
            flash.addFlashAttribute("problem", "import.resume.impossible");
        }
        return "redirect:/purchases/imports/" + id;
    }

    @PostMapping("/{id}/rollback")
    String rollBack(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        visible(id, me);
        flash.addFlashAttribute(imports.rollBack(id) ? "notice" : "problem",
                imports.find(id).map(r -> r.status().name()).orElse("").equals("ROLLED_BACK")
                        ? "import.rollback.done" : "import.rollback.impossible");
        return "redirect:/purchases/imports/" + id;
    }

    /** The file's own name, without any folder a browser may send, for display only. */
    static String displayName(String original) {
        return Uploads.displayName(original);
    }

    private ImportRun visible(long id, SignedInAssociate me) {
        return imports.find(id).filter(r -> me.canSeeStore(r.storeId()))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private Map<Long, StoreSummary> stores(SignedInAssociate me) {
        return organization.storesVisibleTo(me).stream()
                .collect(Collectors.toMap(StoreSummary::id, Function.identity()));
    }

    private static RunView view(ImportRun run, Map<Long, StoreSummary> stores, Locale locale) {
        StoreSummary store = stores.get(run.storeId());
        ZoneId zone = store == null ? ZoneId.of("UTC") : store.timeZone();
        Formats fmt = Formats.of(locale);
        return new RunView(run, store == null ? "" : store.name(), fmt.dateTime(run.startedAt(), zone),
                fmt.dateTime(run.finishedAt(), zone));
    }
}
