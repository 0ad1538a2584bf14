package org.ruleone.organization.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.ApiTokens;
import org.ruleone.platform.AuditLog;
import org.ruleone.platform.SignInLocks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's settings: integration tokens, sign-in locks and the sign-in audit log. */
@Controller
@RequestMapping("/settings")
@PreAuthorize("hasRole('OWNER')")
class SettingsController {

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Organization organization;
    private final SignInLocks signInLocks;

    SettingsController(ApiTokens tokens, AuditLog audit, Organization organization, SignInLocks signInLocks) {
        this.tokens = tokens;
        this.audit = audit;
        this.organization = organization;
        this.signInLocks = signInLocks;
    }

    @GetMapping
    String settings(@AuthenticationPrincipal SignedInAssociate me, Model model) {
        List<StoreSummary> stores = organization.stores();
        model.addAttribute("zone", stores.stream().filter(s -> me.storeId() != null && s.id() == me.storeId())
                .findFirst().or(() -> stores.stream().findFirst()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC")));
        Map<Long, String> storeNames = stores.stream().collect(Collectors.toMap(StoreSummary::id, StoreSummary::name));
        model.addAttribute("stores", stores);
        model.addAttribute("storeNames", storeNames);
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("audit", audit.recent(50));
        model.addAttribute("signInLocks", signInLocks.current());
        return "organization/settings";
    }

    @PostMapping("/api-tokens")
    String createToken(@RequestParam String name, @RequestParam(required = false) Long storeId,
                       @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            flash.addFlashAttribute("problem", "settings.tokens.nameRequired");
            return "redirect:/settings";
        }
        // A token for a store that does not exist must not become a chain-wide one.
        if (storeId != null && organization.store(storeId).isEmpty()) {
            flash.addFlashAttribute("problem", "settings.tokens.unknownStore");
            return "redirect:/settings";
        }
        flash.addFlashAttribute("newToken", tokens.create(trimmed, storeId, me.id()));
        return "redirect:/settings";
    }

    @PostMapping("/sign-in-locks/lift")
    String liftSignInLock(@RequestParam SignInLocks.SignInLock.Kind kind, @RequestParam String key,
                          RedirectAttributes flash) {
        signInLocks.lift(kind, key);
        flash.addFlashAttribute("lifted", key);
        return "redirect:/settings";
    }

    @PostMapping("/api-tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/settings";
    }

}
