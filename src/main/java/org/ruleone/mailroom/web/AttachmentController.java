package org.ruleone.mailroom.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.ruleone.mailroom.internal.InboundAttachments;
import org.ruleone.organization.SignedInAssociate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Downloads a file a customer mailed; only for people who may see the case's store (others get a 404). */
@Controller
class AttachmentController {

    private final InboundAttachments attachments;

    AttachmentController(InboundAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/mailroom/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me) {
        InboundAttachments.Stored file = attachments.find(id)
                .filter(f -> me != null && me.canSeeStore(f.storeId()))
                .filter(f -> !f.tooLarge())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String name = file.fileName().isBlank() ? "attachment-" + id : file.fileName();
        return ResponseEntity.ok()
                .contentType(safeType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(attachments.content(id));
    }

    /** Served as a download always; types a browser would run or render as a page are sent as plain bytes. */
    static MediaType safeType(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared);
            String sub = type.getSubtype().toLowerCase(Locale.ROOT);
            if (sub.contains("html") || sub.contains("xml") || sub.contains("javascript") || sub.contains("svg")) {
                return MediaType.APPLICATION_OCTET_STREAM;
            }
            return new MediaType(type.getType(), type.getSubtype());
        } catch (RuntimeException unparsable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
