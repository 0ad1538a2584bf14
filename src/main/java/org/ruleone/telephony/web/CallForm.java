package org.ruleone.telephony.web;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;

/** What an associate types on the phone screen; kept as typed so a refused form loses nothing. */
public class CallForm {

    private Long storeId;
    private Long caseId;
    private Long customerId;
    private String callerNumber = "";
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime ringingAt;
    private Integer rings;
    private Integer secondsToAnswer;
    private String outcome = "ANSWERED";
    private Integer durationSeconds;
    private Long associateId;
    private boolean openCase;
    private String subject = "";

    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public Long getCaseId() { return caseId; }
    public void setCaseId(Long caseId) { this.caseId = caseId; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public String getCallerNumber() { return callerNumber; }
    public void setCallerNumber(String callerNumber) { this.callerNumber = callerNumber == null ? "" : callerNumber; }
    public LocalDateTime getRingingAt() { return ringingAt; }
    public void setRingingAt(LocalDateTime ringingAt) { this.ringingAt = ringingAt; }
    public Integer getRings() { return rings; }
    public void setRings(Integer rings) { this.rings = rings; }
    public Integer getSecondsToAnswer() { return secondsToAnswer; }
    public void setSecondsToAnswer(Integer secondsToAnswer) { this.secondsToAnswer = secondsToAnswer; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public Integer getDurationSeconds() { return durationSeconds; }
    public void setDurationSeconds(Integer durationSeconds) { this.durationSeconds = durationSeconds; }
    public Long getAssociateId() { return associateId; }
    public void setAssociateId(Long associateId) { this.associateId = associateId; }
    public boolean isOpenCase() { return openCase; }
    public void setOpenCase(boolean openCase) { this.openCase = openCase; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject == null ? "" : subject; }
}
