package org.ruleone.catalog;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.IllegalTransitionException;
import org.ruleone.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transfer request's transitions: REQUESTED to SENT or CANCELLED, SENT to RECEIVED or CANCELLED; the store
 * asked sends, the client's store receives, either cancels; RECEIVED and CANCELLED are final.
 */
class TransferRequestTests {

    static final long LYON = 1;
    static final long PARIS = 2;
    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    static final SignedInAssociate OWNER = person(Role.OWNER, null);

    static SignedInAssociate person(Role role, Long store) {
        return new SignedInAssociate(role.ordinal() + 10, "Test", "t@example.com", role, store, Language.EN, "", true);
    }

    static TransferRequest request(TransferStatus status) {
        return new TransferRequest(5, 3, "SKU", "Loafers", LYON, "Lyon", PARIS, "Paris", 99, 1, "", status, 20,
                "Anna", AT.minusSeconds(3600), AT.minusSeconds(3600));
    }

    @ParameterizedTest(name = "{0} to {1}: allowed {2}")
    @CsvSource({
            "REQUESTED, REQUESTED, false", "REQUESTED, SENT, true", "REQUESTED, RECEIVED, false",
            "REQUESTED, CANCELLED, true",
            "SENT, REQUESTED, false", "SENT, SENT, false", "SENT, RECEIVED, true", "SENT, CANCELLED, true",
            "RECEIVED, REQUESTED, false", "RECEIVED, SENT, false", "RECEIVED, RECEIVED, false",
            "RECEIVED, CANCELLED, false",
            "CANCELLED, REQUESTED, false", "CANCELLED, SENT, false", "CANCELLED, RECEIVED, false",
            "CANCELLED, CANCELLED, false"})
    void movesOnlyAlongItsTransitionTable(TransferStatus from, TransferStatus to, boolean allowed) {
        if (allowed) {
            TransferRequest moved = request(from).moveTo(to, OWNER, AT);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.updatedAt()).isEqualTo(AT);
        } else {
            assertThatThrownBy(() -> request(from).moveTo(to, OWNER, AT))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Transfer request 5 is " + from + " and cannot become " + to);
        }
    }

    @ParameterizedTest(name = "{0} by {1}'s associate: allowed {2}")
    @CsvSource({
            "SENT, 1, true", "SENT, 2, false",
            "RECEIVED, 2, true", "RECEIVED, 1, false",
            "CANCELLED, 1, true", "CANCELLED, 2, true"})
    void letsEachStoreMakeOnlyItsOwnMoves(TransferStatus to, long store, boolean allowed) {
        TransferStatus from = to == TransferStatus.RECEIVED ? TransferStatus.SENT : TransferStatus.REQUESTED;
        SignedInAssociate associate = person(Role.ASSOCIATE, store);
        if (allowed) {
            assertThat(request(from).moveTo(to, associate, AT).status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> request(from).moveTo(to, associate, AT))
                    .isInstanceOf(IllegalStateException.class)
                    .isNotInstanceOf(IllegalTransitionException.class);
        }
    }
}
