package org.ruleone.experience;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client gave on a survey page, each part possibly missing: "how likely are you to come back" (0–10),
 * satisfaction (1–5) and a comment. A {@code null} comment was not sent (the one kept stays); a blank one clears it.
 */
public record SurveyReply(Integer comeBack, Integer satisfaction, String comment) {

    public static final int MAX_COMMENT = 2000;

    public SurveyReply {
        if (comeBack != null && (comeBack < 0 || comeBack > 10)) {
            throw new IllegalArgumentException("come back is 0 to 10: " + comeBack);
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction is 1 to 5: " + satisfaction);
        }
        if (comment != null) {
            comment = comment.strip();
            if (comment.length() > MAX_COMMENT) {
                throw new IllegalArgumentException("a comment is at most " + MAX_COMMENT + " characters");
            }
        }
    }

    public boolean isEmpty() {
        return comeBack == null && satisfaction == null && (comment == null || comment.isEmpty());
    }

    /**
     * A reply read from a form, or what is wrong with it as message keys of the experience bundle (nothing of a
     * reply with a problem is stored).
     */
    public record Read(SurveyReply reply, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads the form's fields as typed (blank: not answered); a score out of range or not a number is a problem. */
    public static Read read(String comeBack, String satisfaction, String comment) {
        List<String> problems = new ArrayList<>();
        Integer c = score(comeBack, 0, 10, "experience.survey.error.comeBack", problems);
        Integer s = score(satisfaction, 1, 5, "experience.survey.error.satisfaction", problems);
        if (comment != null && comment.strip().length() > MAX_COMMENT) {
            problems.add("experience.survey.error.comment");
        }
        return new Read(problems.isEmpty() ? new SurveyReply(c, s, comment) : null, List.copyOf(problems));
    }

    private static Integer score(String typed, int min, int max, String problem, List<String> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(problem);
        return null;
    }
}
