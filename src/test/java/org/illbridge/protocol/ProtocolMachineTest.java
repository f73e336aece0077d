package org.illbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.illbridge.codec.ill.ApduType;
import org.junit.jupiter.api.Test;

class ProtocolMachineTest {

    private static ProtocolEvent in(ApduType type, String qualifier) {
        return new ProtocolEvent(Direction.IN, type, qualifier);
    }

    private static ProtocolEvent out(ApduType type, String qualifier) {
        return new ProtocolEvent(Direction.OUT, type, qualifier);
    }

    @Test
    void walksALoanThroughFromTheLendersSide() {
        ProtocolState state = ProtocolState.IDLE;
        state = next(Role.LENDING, state, in(ApduType.ILL_REQUEST, null), ProtocolState.IN_PROCESS);
        state = next(Role.LENDING, state, out(ApduType.SHIPPED, null), ProtocolState.SHIPPED);
        state = next(Role.LENDING, state, in(ApduType.RECEIVED, null), ProtocolState.RECEIVED);
        state = next(Role.LENDING, state, in(ApduType.RENEW, null), ProtocolState.RENEW_PENDING);
        state = next(Role.LENDING, state, out(ApduType.RENEW_ANSWER, "yes"), ProtocolState.RECEIVED);
        state = next(Role.LENDING, state, in(ApduType.RETURNED, null), ProtocolState.RETURNED);
        next(Role.LENDING, state, out(ApduType.CHECKED_IN, null), ProtocolState.CHECKED_IN);
    }

    @Test
    void walksABorrowingRequestThroughAConditionAndACancel() {
        ProtocolState state = ProtocolState.IDLE;
        state = next(Role.BORROWING, state, out(ApduType.ILL_REQUEST, null), ProtocolState.PENDING);
        state = next(Role.BORROWING, state, in(ApduType.ILL_ANSWER, "conditional"), ProtocolState.CONDITIONAL);
        state = next(Role.BORROWING, state, out(ApduType.CONDITIONAL_REPLY, "yes"), ProtocolState.PENDING);
        state = next(Role.BORROWING, state, out(ApduType.CANCEL, null), ProtocolState.CANCEL_PENDING);
        next(Role.BORROWING, state, in(ApduType.CANCEL_REPLY, "yes"), ProtocolState.CANCELLED);
    }

    @Test
    void anUnfilledAnswerEndsTheRequestAndWillSupplyKeepsItPending() {
        assertThat(ProtocolMachine.next(Role.BORROWING, ProtocolState.PENDING, in(ApduType.ILL_ANSWER, "unfilled")))
                .hasValue(ProtocolState.NOT_SUPPLIED);
        assertThat(ProtocolMachine.next(Role.BORROWING, ProtocolState.PENDING, in(ApduType.ILL_ANSWER, "will-supply")))
                .hasValue(ProtocolState.PENDING);
    }

    @Test
    void prohibitsWhatTheTableDoesNotAllow() {
        assertThat(ProtocolMachine.next(Role.LENDING, ProtocolState.IN_PROCESS, in(ApduType.RECEIVED, null))).isEmpty();
        assertThat(ProtocolMachine.next(Role.LENDING, ProtocolState.IDLE, in(ApduType.CANCEL, null))).isEmpty();
        assertThat(ProtocolMachine.next(Role.BORROWING, ProtocolState.CHECKED_IN, in(ApduType.SHIPPED, null))).isEmpty();
        assertThat(ProtocolMachine.next(Role.LENDING, ProtocolState.IN_PROCESS, in(ApduType.ILL_REQUEST, null))).isEmpty();
    }

    @Test
    void messagesQueriesAndReportsChangeNoStateButNeedATransaction() {
        for (ApduType type : new ApduType[] {ApduType.MESSAGE, ApduType.STATUS_QUERY, ApduType.STATUS_OR_ERROR_REPORT, ApduType.DAMAGED}) {
            assertThat(ProtocolMachine.next(Role.LENDING, ProtocolState.SHIPPED, in(type, null))).hasValue(ProtocolState.SHIPPED);
            assertThat(ProtocolMachine.next(Role.BORROWING, ProtocolState.IDLE, in(type, null))).isEmpty();
        }
    }

    @Test
    void knowsWhichSideReceivesEachApdu() {
        assertThat(ProtocolMachine.receivingRole(ApduType.ILL_REQUEST)).hasValue(Role.LENDING);
        assertThat(ProtocolMachine.receivingRole(ApduType.SHIPPED)).hasValue(Role.BORROWING);
        assertThat(ProtocolMachine.receivingRole(ApduType.ILL_ANSWER)).hasValue(Role.BORROWING);
        assertThat(ProtocolMachine.receivingRole(ApduType.RETURNED)).hasValue(Role.LENDING);
        assertThat(ProtocolMachine.receivingRole(ApduType.MESSAGE)).isEmpty();
    }

    private static ProtocolState next(Role role, ProtocolState state, ProtocolEvent event, ProtocolState expected) {
        assertThat(ProtocolMachine.next(role, state, event)).as("%s in %s", event, state).hasValue(expected);
        return expected;
    }
}
