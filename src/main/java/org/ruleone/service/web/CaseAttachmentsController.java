package org.ruleone.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseAttachment;
import org.ruleone.service.CaseAttachmentTooLargeException;
import org.ruleone.service.CaseDesk;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The files of a case: added from the page, downloaded so that no file can run as a page of the application.
 */
@Controller
@RequestMapping("/cases/{id}")
class CaseAttachmentsController {

    /** Content types a browser may show as they are; anything else downloads as bytes. */
    static final Set<String> SAFE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain");

    private final CasePage page;
    private final CaseDesk desk;

    CaseAttachmentsController(CasePage page, CaseDesk desk) {
        this.page = page;
        this.desk = desk;
    }

    @PostMapping("/attachments")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) throws IOException {
        page.find(id, me);
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("problem", "attachment.empty");
        } else if (file.getSize() > CaseDesk.MAX_ATTACHMENT_BYTES) {
            flash.addFlashAttribute("problem", "attachment.tooLarge");
        } else {
            try {
                desk.attach(id, me.storeScope(), me.id(), file.getOriginalFilename(), file.getContentType(),
                        file.getBytes());
                flash.addFlashAttribute("notice", "attachment.added");
            } catch (CaseAttachmentTooLargeException e) {
                flash.addFlashAttribute("problem", "attachment.tooLarge");
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("problem", "attachment.empty");
            }
        }
        return "redirect:/cases/" + id + "#attachments";
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
                                    @AuthenticationPrincipal SignedInAssociate me) {
        CaseAttachment.File file = desk.attachment(id, attachmentId, me.storeScope())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String type = file.attachment().contentType();
        MediaType mediaType = SAFE_TYPES.contains(type)
                ? (type.equals("text/plain") ? new MediaType("text", "plain", StandardCharsets.UTF_8) : MediaType.parseMediaType(type))
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(file.content());
    }
}
