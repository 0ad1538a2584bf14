package org.ruleone.clienteling.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.clienteling.Task;
import org.ruleone.clienteling.TaskCounts;
import org.ruleone.clienteling.TaskSettings;
import org.ruleone.clienteling.TaskStatus;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The task list: overdue, due today, coming, done or skipped; an associate sees their own tasks and the store's,
 * a manager the whole store with counts per associate. Done and skip answer htmx with the task's new line.
 */
@Controller
@RequestMapping("/tasks")
class TasksController {

    static final int COMING_DAYS = 7;

    private final Tasks tasks;
    private final Organization organization;
    private final ClientBook book;

    TasksController(Tasks tasks, Organization organization, ClientBook book) {
        this.tasks = tasks;
        this.organization = organization;
        this.book = book;
    }

    /** One line of the counts table. */
    record CountsView(String name, Long associateId, TaskCounts counts) {
    }

    @GetMapping
    String list(@RequestParam(required = false) Long store, @RequestParam(required = false) Long associate,
                @RequestParam(required = false) Long client, @AuthenticationPrincipal SignedInAssociate me,
                Model model) {
        StoreSummary current = storeFor(me, store);
        long storeId = current.id();
        Tasks.Who who;
        AssociateSummary shown = null;
        Map<Long, AssociateSummary> people = people(storeId);
        if (!me.isManagerOrOwner()) {
            who = Tasks.Who.associate(storeId, me.id());
        } else if (associate != null && people.containsKey(associate)) {
            who = Tasks.Who.only(storeId, associate);
            shown = people.get(associate);
        } else {
            who = Tasks.Who.store(storeId);
        }
        LocalDate today = tasks.today(storeId);
        List<Task> due = tasks.open(who, today);
        model.addAttribute("today", today);
        model.addAttribute("overdue", due.stream().filter(t -> t.dueOn().isBefore(today)).toList());
        model.addAttribute("dueToday", due.stream().filter(t -> t.dueOn().isEqual(today)).toList());
        model.addAttribute("coming", tasks.coming(who, today, today.plusDays(COMING_DAYS)));
        model.addAttribute("closed", tasks.closedRecently(who));
        model.addAttribute("store", current);
        model.addAttribute("stores", me.isOwner() ? organization.stores() : List.of());
        model.addAttribute("shown", shown);
        model.addAttribute("names", names());
        model.addAttribute("storeNames", organization.stores().stream()
                .collect(toMap(StoreSummary::id, StoreSummary::name)));
        model.addAttribute("keepers", people.values().stream().filter(AssociateSummary::active).toList());
        if (me.isManagerOrOwner()) {
            model.addAttribute("counts", tasks.countsPerAssociate(storeId).stream()
                    .map(c -> new CountsView(c.associateId() == null ? null
                            : Optional.ofNullable(people.get(c.associateId())).map(AssociateSummary::name).orElse("?"),
                            c.associateId(), c))
                    .toList());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TaskForm("", today.toString(), client, null));
        }
        Long about = ((TaskForm) model.getAttribute("form")).client();
        model.addAttribute("about", about == null ? null
                : book.client(about, Optional.of(storeId)).map(c -> c.displayName()).orElse(null));
        return "clienteling/tasks";
    }

    /** What a person typed to add a task, kept as typed when it is sent back with a problem. */
    record TaskForm(String title, String due, Long client, Long associate) implements java.io.Serializable {
    }

    @PostMapping
    String add(@RequestParam(required = false) Long store, @RequestParam(defaultValue = "") String title,
               @RequestParam(defaultValue = "") String due, @RequestParam(required = false) Long client,
               @RequestParam(required = false) Long associate, @AuthenticationPrincipal SignedInAssociate me,
               RedirectAttributes flash) {
        StoreSummary current = storeFor(me, store);
        TaskForm form = new TaskForm(title, due, client, associate);
        LocalDate dueOn;
        try {
            dueOn = LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            dueOn = null;
        }
        Long assignee = me.isManagerOrOwner() ? associate : Long.valueOf(me.id());
        Long customer = client == null ? null
                : book.client(client, Optional.of(current.id())).map(c -> c.id()).orElse(null);
        String problem = title.isBlank() || title.strip().length() > 500 ? "tasks.add.needTitle"
                : dueOn == null ? "tasks.add.needDate"
                : client != null && customer == null ? "tasks.add.noClient" : null;
        if (problem == null) {
            try {
                tasks.add(current.id(), assignee, customer, title, dueOn, me.id());
                flash.addFlashAttribute("notice", "tasks.add.done");
            } catch (IllegalArgumentException e) {
                problem = "tasks.add.badAssociate";
            }
        }
        if (problem != null) {
            flash.addFlashAttribute("problem", problem);
            flash.addFlashAttribute("form", form);
        }
        return "redirect:/tasks" + (me.isOwner() ? "?store=" + current.id() : "");
    }

    @PostMapping("/{id}/{action:done|skip|reopen}")
    String close(@PathVariable long id, @PathVariable String action, @AuthenticationPrincipal SignedInAssociate me,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                 RedirectAttributes flash) {
        Task task = tasks.find(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!me.isManagerOrOwner() && task.associateId() != null && task.associateId() != me.id()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        boolean changed = switch (action) {
            case "done" -> tasks.close(id, me.storeScope(), TaskStatus.DONE, me.id(), "");
            case "skip" -> tasks.close(id, me.storeScope(), TaskStatus.SKIPPED, me.id(), "");
            default -> tasks.reopen(id, me.storeScope());
        };
        // Refused: someone (or a second click) changed it first; say so and show where it stands.
        String refused = changed ? null
                : "reopen".equals(action) ? "tasks.error.alreadyOpen" : "tasks.error.alreadyClosed";
        if (htmx == null) {
            if (refused != null) {
                flash.addFlashAttribute("problem", refused);
            }
            return "redirect:/tasks";
        }
        model.addAttribute("taskProblem", refused);
        Task now = tasks.find(id, me.storeScope()).orElseThrow();
        model.addAttribute("t", now);
        model.addAttribute("store", organization.store(now.storeId()).orElseThrow());
        model.addAttribute("today", tasks.today(now.storeId()));
        model.addAttribute("names", names());
        model.addAttribute("storeNames", organization.stores().stream()
                .collect(toMap(StoreSummary::id, StoreSummary::name)));
        return "clienteling/tasks :: task";
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAnyRole('OWNER','MANAGER')")
    String settings(@RequestParam(required = false) Long store, @AuthenticationPrincipal SignedInAssociate me,
                    Model model) {
        StoreSummary current = storeFor(me, store);
        model.addAttribute("store", current);
        if (!model.containsAttribute("settings")) {
            TaskSettings s = tasks.settings(current.id());
            model.addAttribute("settings", new SettingsForm(text(s.followUpDays()), text(s.lapsedDays()),
                    String.valueOf(s.dateLeadDays())));
        }
        return "clienteling/settings";
    }

    record SettingsForm(String followUpDays, String lapsedDays, String dateLeadDays) implements java.io.Serializable {
    }

    @PostMapping("/settings")
    @PreAuthorize("hasAnyRole('OWNER','MANAGER')")
    String saveSettings(@RequestParam(required = false) Long store, @RequestParam(defaultValue = "") String followUpDays,
                        @RequestParam(defaultValue = "") String lapsedDays,
                        @RequestParam(defaultValue = "") String dateLeadDays,
                        @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        StoreSummary current = storeFor(me, store);
        Integer followUp = days(followUpDays, 1, 365);
        Integer lapsed = days(lapsedDays, 30, 3650);
        Integer lead = days(dateLeadDays, 0, 60);
        String back = "redirect:/tasks/settings" + (me.isOwner() ? "?store=" + current.id() : "");
        if (followUp != null && followUp < 0 || lapsed != null && lapsed < 0 || lead == null || lead < 0) {
            flash.addFlashAttribute("problem", "tasks.settings.invalid");
            flash.addFlashAttribute("settings", new SettingsForm(followUpDays, lapsedDays, dateLeadDays));
            return back;
        }
        tasks.saveSettings(new TaskSettings(current.id(), followUp, lapsed, lead));
        flash.addFlashAttribute("notice", "tasks.settings.saved");
        return back;
    }

    /** Blank: off (null); a number in range; anything else: -1. */
    private static Integer days(String text, int min, int max) {
        if (text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n < min || n > max ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }

    private StoreSummary storeFor(SignedInAssociate me, Long wanted) {
        return organization.storeShownTo(me, wanted).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private Map<Long, AssociateSummary> people(long storeId) {
        return organization.associates(Optional.of(storeId)).stream()
                .collect(toMap(AssociateSummary::id, Function.identity()));
    }

    private Map<Long, String> names() {
        return organization.associates(Optional.empty()).stream()
                .collect(toMap(AssociateSummary::id, AssociateSummary::name));
    }
}
