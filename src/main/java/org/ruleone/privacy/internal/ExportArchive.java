package org.ruleone.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ruleone.customers.Client;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.paper.Stories;
import org.ruleone.paper.Story;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's copy of their data as one ZIP (ADR 0116): {@code data.json} for a machine (stable field names, ISO
 * dates), {@code data.html} for a person (self-contained, printable, in the client's language) and {@code data.pdf},
 * the same words on paper.
 */
@Component
class ExportArchive {

    /** The version of data.json's layout: a reader can tell which one it has. */
    static final String FORMAT = "rule-one-client-data/1";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ExportSections sections;
    private final ExportView views;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Organization organization;
    private final Stories stories;
    private final Clock clock;

    ExportArchive(ExportSections sections, ExportView views, ITemplateEngine templates, MessageSource messages,
                  Organization organization, Stories stories, Clock clock) {
        this.sections = sections;
        this.views = views;
        this.templates = templates;
        this.messages = messages;
        this.organization = organization;
        this.stories = stories;
        this.clock = clock;
    }

    /** The file a person downloads, e.g. {@code rule-one-data-4711.zip}. */
    static String fileName(long clientId) {
        return "rule-one-data-" + clientId + ".zip";
    }

    byte[] zip(Client client) {
        Language language = client.language();
        Locale locale = language.locale();
        Instant now = clock.instant();
        StoreSummary store = organization.store(client.storeId()).orElseThrow();
        Map<String, List<Map<String, Object>>> data = sections.of(client, language);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("exportedAt", now.toString());
        json.put("client", client.id());
        json.put("store", store.name());
        json.put("language", language.code());
        json.put("sections", data);

        List<ExportView.SectionView> shown = views.sections(data, locale, store.timeZone());
        String title = messages.getMessage("privacy.export.title", new Object[] {client.displayName()}, locale);
        String exported = views.when(now, locale, store.timeZone());
        Context context = new Context(locale);
        context.setVariable("title", title);
        context.setVariable("store", store.name());
        context.setVariable("exported", exported);
        context.setVariable("sections", shown);
        String html = templates.process("privacy/export-data", context);

        byte[] pdf = stories.render(title, pdfStories(shown, title, store.name() + " · " + exported));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            add(zip, "data.json", JSON.writeValueAsBytes(json), now);
            add(zip, "data.html", html.getBytes(StandardCharsets.UTF_8), now);
            add(zip, "data.pdf", pdf, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content, Instant at) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(at.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** Each section a story: its heading, then one paragraph per item (nested items indented by a dash). */
    private static List<Story> pdfStories(List<ExportView.SectionView> sections, String title, String byline) {
        List<Story> out = new ArrayList<>();
        for (ExportView.SectionView section : sections) {
            List<String> paragraphs = new ArrayList<>();
            if (section.items().isEmpty()) {
                paragraphs.add(section.empty());
            }
            for (ExportView.ItemView item : section.items()) {
                paragraphs.addAll(paragraphs(item, ""));
            }
            out.add(new Story(section.heading(), out.isEmpty() ? title + " — " + byline : byline, paragraphs, "",
                    ""));
        }
        return out;
    }

    private static List<String> paragraphs(ExportView.ItemView item, String indent) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        List<String> nested = new ArrayList<>();
        for (ExportView.FieldView field : item.fields()) {
            if (field.nested().isEmpty()) {
                line.append(line.length() > indent.length() ? " · " : "").append(field.label()).append(": ")
                        .append(field.text());
            } else {
                field.nested().forEach(n -> nested.addAll(paragraphs(n, indent + "— ")));
            }
        }
        out.add(line.toString());
        out.addAll(nested);
        return out;
    }
}
