package org.ruleone.privacy.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.privacy.internal.ClientExports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A customer's own request for their data, without signing in (ADR 0116): they type their e-mail address and get
 * the same answer whether it is known or not; the mailed link leads to a page with one button (a mail program that
 * opens links to check them downloads nothing), and the button to the ZIP. In the browser's language, or the one
 * picked with the header's switcher.
 */
@Controller
@RequestMapping("/public/my-data")
class DataRequestController {

    private final ClientExports exports;

    DataRequestController(ClientExports exports) {
        this.exports = exports;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("email", "");
        return "privacy/request";
    }

    @PostMapping
    String request(@RequestParam(required = false) String email, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return switch (exports.request(email, request.getRemoteAddr())) {
            case ACCEPTED -> "privacy/request-sent";
            case NOT_AN_ADDRESS -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("email", email == null ? "" : email);
                model.addAttribute("problem", "privacy.request.error.email");
                yield "privacy/request";
            }
            case TOO_MANY -> done("tooMany", HttpStatus.TOO_MANY_REQUESTS, response, model);
        };
    }

    @GetMapping("/{token}")
    String link(@PathVariable String token, HttpServletResponse response, Model model) {
        if (!exports.linkWorks(token)) {
            return done("invalid", HttpStatus.NOT_FOUND, response, model);
        }
        model.addAttribute("token", token);
        return "privacy/download";
    }

    @PostMapping("/{token}")
    Object download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        Optional<ClientExports.Download> download = exports.forLink(token, request.getRemoteAddr());
        if (download.isEmpty()) {
            return done("invalid", HttpStatus.NOT_FOUND, response, model);
        }
        return zip(download.get());
    }

    static ResponseEntity<byte[]> zip(ClientExports.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.zip());
    }

    private static String done(String what, HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("done", what);
        return "privacy/request-done";
    }
}
