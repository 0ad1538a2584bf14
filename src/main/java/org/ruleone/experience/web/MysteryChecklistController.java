package org.ruleone.experience.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ruleone.experience.MysteryChecklistEditor;
import org.ruleone.experience.MysteryChecklistProblem;
import org.ruleone.experience.MysteryChecklistRefused;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.internal.MysteryChecklistRows;
import org.ruleone.experience.internal.MysteryChecklistRows.VersionRow;
import org.ruleone.experience.web.MysteryChecklistViews.ChecklistView;
import org.ruleone.experience.web.MysteryChecklistViews.EditorView;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The mystery-shopping checklists at {@code /experience/mystery/checklists}: the list, a checklist's current version
 * and any older one, and the editor. Managers read them (they schedule visits with them); only the owner makes,
 * edits, renames or archives one. An edit is saved as a new version: the visits keep the version they used.
 */
@Controller
@RequestMapping("/experience/mystery/checklists")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class MysteryChecklistController {

    private static final String BASE = "/experience/mystery/checklists/";

    private final MysteryChecklists checklists;
    private final MysteryChecklistRows rows;
    private final MysteryChecklistEditor editor;
    private final Organization organization;

    MysteryChecklistController(MysteryChecklists checklists, MysteryChecklistRows rows, MysteryChecklistEditor editor,
                               Organization organization) {
        this.checklists = checklists;
        this.rows = rows;
        this.editor = editor;
        this.organization = organization;
    }

    /**
     * The form is built through its constructors only: with setters tried after, rows numbered with a gap (a row
     * removed by hand) would be grown again and fail.
     */
    @InitBinder("mysteryChecklistForm")
    void constructorsOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    /** Checklists are the chain's; their dates are shown in the reader's store's zone. */
    @ModelAttribute("zone")
    ZoneId zone(@AuthenticationPrincipal SignedInAssociate me) {
        return me == null ? ZoneOffset.UTC
                : organization.storeShownTo(me, null).map(StoreSummary::timeZone).orElse(ZoneOffset.UTC);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("checklists", rows.checklists());
        return "experience/mystery-checklists";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return page(checklists.current(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)), model);
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, Model model) {
        long versionId = rows.history(id).stream().filter(v -> v.version() == version).map(VersionRow::versionId)
                .findFirst().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return page(checklists.version(versionId).orElseThrow(), model);
    }

    private String page(MysteryChecklists.Version version, Model model) {
        boolean archived = rows.archived(version.checklistId()).orElse(false);
        model.addAttribute("checklist", ChecklistView.of(version, archived, rows.history(version.checklistId())));
        return "experience/mystery-checklist";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('OWNER')")
    String blank(Model model) {
        return editor(null, MysteryChecklistForm.blank(), List.of(), model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('OWNER')")
    String create(@ModelAttribute MysteryChecklistForm form, @RequestParam(required = false) String change,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        Optional<String> again = notYet(null, form, change, model);
        if (again.isPresent()) {
            return again.get();
        }
        long id = editor.create(form.draft(), me);
        flash.addFlashAttribute("notice", "experience.mystery.checklist.created");
        return "redirect:" + BASE + id;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('OWNER')")
    String edit(@PathVariable long id, Model model) {
        MysteryChecklists.Version current = checklists.current(id)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return editor(id, MysteryChecklistForm.of(current), List.of(), model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasRole('OWNER')")
    String revise(@PathVariable long id, @ModelAttribute MysteryChecklistForm form,
                  @RequestParam(required = false) String change, @AuthenticationPrincipal SignedInAssociate me,
                  Model model, RedirectAttributes flash) {
        existing(id);
        Optional<String> again = notYet(id, form, change, model);
        if (again.isPresent()) {
            return again.get();
        }
        try {
            int version = editor.revise(id, form.basedOn() == null ? 0 : form.basedOn(), form.draft(), me);
            flash.addFlashAttribute("notice", "experience.mystery.checklist.saved");
            flash.addFlashAttribute("noticeVersion", version);
        } catch (MysteryChecklistRefused refused) {
            // someone saved a version meanwhile: shown again as typed, so nothing typed is lost
            return editor(id, form, refused.problems(), model);
        }
        return "redirect:" + BASE + id;
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasRole('OWNER')")
    String archive(@PathVariable long id, @RequestParam boolean archived,
                   @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        existing(id);
        editor.archive(id, archived, me);
        flash.addFlashAttribute("notice", archived ? "experience.mystery.checklist.archivedNotice"
                : "experience.mystery.checklist.unarchivedNotice");
        return "redirect:" + BASE + id;
    }

    /** The editor again, when a button added or removed a row or the draft has problems; empty when it may be saved. */
    private Optional<String> notYet(Long id, MysteryChecklistForm form, String change, Model model) {
        if (change != null) {
            return Optional.of(editor(id, form.changed(change), List.of(), model));
        }
        List<MysteryChecklistProblem> problems = editor.problems(form.draft());
        return problems.isEmpty() ? Optional.empty() : Optional.of(editor(id, form, problems, model));
    }

    private String editor(Long id, MysteryChecklistForm form, List<MysteryChecklistProblem> problems, Model model) {
        model.addAttribute("editor", EditorView.of(id, form, problems));
        return "experience/mystery-checklist-editor";
    }

    /** A row numbered beyond what any form sends (Spring binds at most 256 rows of a list): refused, not a crash. */
    @ExceptionHandler(IndexOutOfBoundsException.class)
    ResponseEntity<String> rowOutOfReach() {
        return ResponseEntity.badRequest().body("");
    }

    private void existing(long id) {
        if (rows.archived(id).isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
    }
}
