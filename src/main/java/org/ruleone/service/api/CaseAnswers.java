package org.ruleone.service.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ruleone.platform.ApiClient;
import org.ruleone.platform.JsonApi.Problem;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The cases API's answers: a case as a token may see it, or 404. */
@Component
class CaseAnswers {

    private final CaseDesk desk;

    CaseAnswers(CaseDesk desk) {
        this.desk = desk;
    }

    /** The case, if the token's store may see it; else 404, as if it did not exist. */
    ServiceCase find(long id, ApiClient client) {
        return desk.find(id, client.storeId())
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "No case " + id + "."));
    }

    /** What a change answers: the case's ids and status. */
    Map<String, Object> brief(ServiceCase c) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caseId", c.id());
        answer.put("storeId", c.storeId());
        answer.put("customerId", c.customerId());
        answer.put("status", c.status().name());
        return answer;
    }

    /** What a read answers: the case and its messages, internal notes left out. */
    Map<String, Object> withMessages(ServiceCase found) {
        Map<String, Object> answer = brief(found);
        answer.put("channel", found.channel().name());
        answer.put("subject", found.subject());
        answer.put("language", found.language().code());
        answer.put("openedAt", found.openedAt().toString());
        answer.put("messages", found.messages().stream().filter(m -> !m.internal()).map(m -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("from", m.author().name());
            message.put("associateId", m.associateId());
            message.put("body", m.body());
            message.put("at", m.createdAt().toString());
            return message;
        }).toList());
        return answer;
    }
}
