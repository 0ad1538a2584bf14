package org.ruleone.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.privacy.internal.ClientExports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The client page's "copy of their data" (ADR 0116): a manager or the owner downloads the ZIP the client is
 * entitled to; anyone else, or a client of a store they do not see, gets a 404.
 */
@Controller
class ClientExportController {

    private final ClientExports exports;

    ClientExportController(ClientExports exports) {
        this.exports = exports;
    }

    @GetMapping("/clients/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me,
                                  HttpServletRequest request) {
        return exports.forStaff(id, me, request.getRemoteAddr()).map(DataRequestController::zip)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
