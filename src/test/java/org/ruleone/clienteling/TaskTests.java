package org.ruleone.clienteling;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ruleone.shared.IllegalTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A task's transitions: OPEN to DONE or SKIPPED, and back to OPEN; every other move is refused. */
class TaskTests {

    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    static Task task(TaskStatus status) {
        boolean closed = status != TaskStatus.OPEN;
        return new Task(12, 1, 7L, 99L, "Zofia Wójcik", TaskKind.SEND_ITEM, "Boots", LocalDate.of(2026, 12, 3),
                null, 2L, status, AT.minusSeconds(3600), closed ? AT.minusSeconds(60) : null, closed ? 7L : null,
                "", "41");
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"DONE", "SKIPPED"})
    void closesAnOpenTaskAndTellsWhoClosedItAndWhen(TaskStatus outcome) {
        Task closed = task(TaskStatus.OPEN).close(outcome, 8, AT, "printed");

        assertThat(closed.status()).isEqualTo(outcome);
        assertThat(closed.closedBy()).isEqualTo(8L);
        assertThat(closed.closedAt()).isEqualTo(AT);
        assertThat(closed.closedNote()).isEqualTo("printed");
        assertThat(closed.closed()).isEqualTo(new TaskClosed(12, 1, 99L, TaskKind.SEND_ITEM, outcome, 8, AT, 41L));
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"DONE", "SKIPPED"})
    void refusesToCloseATaskThatIsClosedAlready(TaskStatus status) {
        assertThatThrownBy(() -> task(status).close(TaskStatus.DONE, 8, AT, ""))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Task 12 is " + status + " and cannot be closed");
    }

    @Test
    void refusesToCloseIntoOpen() {
        assertThatThrownBy(() -> task(TaskStatus.OPEN).close(TaskStatus.OPEN, 8, AT, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"DONE", "SKIPPED"})
    void reopensAClosedTaskForgettingWhoClosedIt(TaskStatus status) {
        Task reopened = task(status).reopen();

        assertThat(reopened.open()).isTrue();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.closedBy()).isNull();
        assertThat(reopened.closedNote()).isEmpty();
    }

    @Test
    void refusesToReopenAnOpenTask() {
        assertThatThrownBy(() -> task(TaskStatus.OPEN).reopen())
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Task 12 is OPEN and cannot be reopened");
        assertThatThrownBy(() -> task(TaskStatus.OPEN).closed()).isInstanceOf(IllegalStateException.class);
    }
}
