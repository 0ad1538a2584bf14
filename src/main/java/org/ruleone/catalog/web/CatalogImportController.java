package org.ruleone.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ruleone.catalog.CatalogColumn;
import org.ruleone.catalog.CatalogImportResult;
import org.ruleone.catalog.CatalogImports;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Product import in two steps: upload a CSV file, then map its columns (guessed from the header) and load it; the
 * result lists every rejected line with its reason. Managers load their own store's stock, an owner any store's.
 */
@Controller
@RequestMapping("/products/import")
class CatalogImportController {

    private static final long MAX_UPLOAD_MB = Uploads.MAX_BYTES / (1024 * 1024);

    private final CatalogImports imports;
    private final Organization organization;
    private final Uploads uploads;

    CatalogImportController(CatalogImports imports, Organization organization, Uploads uploads) {
        this.imports = imports;
        this.organization = organization;
        this.uploads = uploads;
    }

    @GetMapping
    String form(@AuthenticationPrincipal SignedInAssociate me, @RequestParam(required = false) String refused,
                Model model) {
        requireManager(me);
        if ("TOO_LARGE".equals(refused)) {
            return refusedPage(model, "products.import.refused.TOO_LARGE", 1, MAX_UPLOAD_MB);
        }
        model.addAttribute("maxUploadMb", MAX_UPLOAD_MB);
        return "catalog/import";
    }

    private static String refusedPage(Model model, String key, long line, long limit) {
        model.addAttribute("maxUploadMb", MAX_UPLOAD_MB);
        model.addAttribute("refusal", key);
        model.addAttribute("refusalLine", line);
        model.addAttribute("refusalLimit", limit);
        return "catalog/import";
    }

    private static String refusedPage(Model model, CsvLimits.Refused refused) {
        return refusedPage(model, "products.import.refused." + refused.problem(), refused.line(),
                refused.problem().limit());
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInAssociate me,
                  Model model) throws IOException {
        requireManager(me);
        if (file.isEmpty()) {
            model.addAttribute("uploadError", "products.import.error.empty");
            model.addAttribute("maxUploadMb", MAX_UPLOAD_MB);
            return "catalog/import";
        }
        String token;
        try (InputStream in = file.getInputStream()) {
            token = uploads.store(in, me.id());
        }
        Path stored = upload(token, me);
        try {
            CsvLimits.requireText(stored);
            return mappingPage(token, file.getOriginalFilename(), me, model, null);
        } catch (CsvLimits.Refused e) {
            uploads.discard(stored);
            return refusedPage(model, e);
        }
    }

    @PostMapping("/{token}")
    String run(@PathVariable String token, @RequestParam Map<String, String> form,
               @AuthenticationPrincipal SignedInAssociate me, Model model) throws IOException {
        requireManager(me);
        Path path = upload(token, me);
        Map<CatalogColumn, Integer> mapping = new EnumMap<>(CatalogColumn.class);
        for (CatalogColumn c : CatalogColumn.values()) {
            String v = form.getOrDefault("col." + c.name(), "");
            if (!v.isBlank()) {
                mapping.put(c, Integer.parseInt(v));
            }
        }
        Long store = form.getOrDefault("store", "").isBlank() ? me.storeId() : Long.valueOf(form.get("store"));
        String currency = form.getOrDefault("currency", "").strip();
        String fileName = form.getOrDefault("fileName", "");
        for (CatalogColumn c : CatalogImports.requiredColumns(me)) {
            if (!mapping.containsKey(c)) {
                return mappingPage(token, fileName, me, model, me.isOwner() ? "products.import.error.required"
                        : "products.import.error.skuRequired");
            }
        }
        if (me.isOwner() && !mapping.containsKey(CatalogColumn.CURRENCY) && !currency.matches("[A-Za-z]{3}")) {
            return mappingPage(token, fileName, me, model, "products.import.error.currency");
        }
        if (store != null && !me.canSeeStore(store)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CatalogImportResult result;
        try (InputStream in = Files.newInputStream(path)) {
            result = imports.run(fileName, in, mapping, store, currency, me);
        } catch (CsvLimits.Refused e) {
            uploads.discard(path);
            return refusedPage(model, e);
        }
        uploads.discard(path);
        model.addAttribute("result", result);
        model.addAttribute("fileName", fileName);
        return "catalog/import-result";
    }

    private String mappingPage(String token, String fileName, SignedInAssociate me, Model model, String error)
            throws IOException {
        List<String> headers;
        try (InputStream in = Files.newInputStream(upload(token, me))) {
            headers = imports.headers(in);
        }
        model.addAttribute("token", token);
        model.addAttribute("fileName", fileName);
        model.addAttribute("headers", headers);
        Map<String, Integer> guess = new java.util.HashMap<>();
        CatalogImports.guess(headers).forEach((column, index) -> guess.put(column.name(), index));
        model.addAttribute("guess", guess);
        model.addAttribute("columns", CatalogColumn.values());
        model.addAttribute("required", CatalogImports.requiredColumns(me));
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("mappingError", error);
        return "catalog/import-mapping";
    }

    /** The upload, if this person sent it: another's token, even in the same store, finds nothing. */
    private Path upload(String token, SignedInAssociate me) {
        return uploads.find(token, me.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireManager(SignedInAssociate me) {
        if (!me.isManagerOrOwner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
