package org.illbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.view.ErrorReport.ElementProblem;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;
import org.illbridge.store.DeadLetter;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStatus;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.RequestSearch;
import org.illbridge.store.Queue;
import org.illbridge.store.ReceivedBytes;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every outcome of the inbound service, called as the policy route calls it but with no Camel and
 * no Spring context: YAZ-encoded APDUs, a real database (H2 and PostgreSQL), the profiles from a file.
 *
 * <p>OCL is the site (the YAZ vectors' responder), profiled on 2026-01-01; ZBW (the vectors'
 * requester) is a separate-connection peer; PRE was profiled on 2027-01-01, so every request to it
 * predates its profile; STRICT refuses requests from requesters it does not know.
 */
abstract class InboundServiceContract {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private InboxStore inbox;
    private MessageFileStore messageFile;
    private DeadLetterStore deadLetters;
    private OutboxStore outbox;
    private InboundService service;
    private JdbcTemplate jdbc;

    /** A new, empty database of the kind under test. */
    abstract String newDatabaseUrl();

    @BeforeEach
    void setUp() throws IOException {
        DataSource database = TestDatabases.migrated(newDatabaseUrl());
        jdbc = new JdbcTemplate(database);
        inbox = new InboxStore(jdbc);
        messageFile = new MessageFileStore(jdbc);
        deadLetters = new DeadLetterStore(jdbc);
        outbox = new OutboxStore(jdbc);
        Path profiles = Path.of("target", "inbound-service-" + UUID.randomUUID() + ".yaml");
        Files.writeString(profiles, """
                illbridge:
                  profiles:
                    - symbol: PRE
                      profile-installed: 2027-01-01T00:00:00
                    - symbol: STRICT
                      profile-installed: 2026-01-01T00:00:00
                      unknown-requesters: refuse
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      peers:
                        - {symbol: ZBW, address: "192.0.2.7:1611", interaction: separate-connection,
                           allowed-sources: ["192.0.2.0/24"]}
                        - {symbol: HUB1, address: "198.51.100.10:1611", allowed-sources: ["198.51.100.10"]}
                        - {symbol: HUB2, address: "198.51.100.10:1612"}
                """);
        ProfileRegistry registry = new ProfileRegistry(profiles);
        registry.reload();
        service = new InboundService(new IllCodec(), registry, messageFile, inbox, outbox, deadLetters,
                new TransactionTemplate(new DataSourceTransactionManager(database)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void bytesThatAreNotAnApduAreRefusedOnArrivalWithAReportOnTheSameConnection() {
        ReceivedApdu received = receive(new byte[] {0x61, 0x05, 0x30, 0x03, (byte) 0x80, 0x01, 0x02}, "198.51.100.1:4000");

        InboundOutcome.Refused refused = (InboundOutcome.Refused) service.identify(received);

        assertThat(refused.refusal().code()).isEqualTo(ReasonCode.UNDECODABLE);
        assertThat(refused.errorReport().onSameConnection()).isTrue();
        assertThat(refused.errorReport().apdu().at("error-report", "provider-error-report", "general-problem"))
                .hasValueSatisfying(problem -> assertThat(problem.toString()).contains("badly-structured-APDU"));
        assertThat(inboxStatus(received)).isEqualTo(InboxStatus.REFUSED.code());
        DeadLetter letter = deadLetters.find(refused.deadLetterId()).orElseThrow();
        assertThat(letter.reasonCode()).isEqualTo("undecodable");
        assertThat(letter.apdu()).isNull();
        assertThat(deadLetters.rawBytes(letter.id())).hasValue(received.bytes());
    }

    @Test
    void aRequestWithoutATitleIsRefusedNamingTheElement() {
        ReceivedApdu received = receive(Variants.without(YazVectors.read("01-ill-request-minimal"), "item-id", "title"));

        InboundOutcome.Refused refused = (InboundOutcome.Refused) service.identify(received);

        assertThat(refused.refusal().code()).isEqualTo(ReasonCode.MISSING_ELEMENT);
        assertThat(refused.refusal().report())
                .isEqualTo(new Refusal.UnableToPerform("other", ElementProblem.missing("ILL-REQUEST.item-id.title")));
        assertThat(deadLetters.find(refused.deadLetterId()).orElseThrow().apdu()).contains("\"ILL-Request\"");
    }

    @Test
    void anApduNamingAPeerFromAnAddressThePeerMayNotSendFromIsRefused() {
        ReceivedApdu received = receive(YazVectors.read("01-ill-request-minimal"), "203.0.113.9:5000");

        InboundOutcome.Refused refused = (InboundOutcome.Refused) service.identify(received);

        assertThat(refused.refusal().code()).isEqualTo(ReasonCode.SENDER_NOT_ALLOWED);
        assertThat(refused.refusal().sentence()).contains("names ZBW as its sender but came from 203.0.113.9");
        assertThat(refused.errorReport().onSameConnection()).as("not to ZBW's real address").isTrue();
        assertThat(deadLetters.find(refused.deadLetterId()).orElseThrow().reasonCode()).isEqualTo("sender-not-allowed");
        assertThat(messageFile.list(RequestSearch.newest(10))).isEmpty();
    }

    @Test
    void twoPeersOnOneHostAreToldApartByTheSymbolTheyName() {
        byte[] fromHub2 = Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "requester-id", "HUB2");
        byte[] fromStranger = Variants.withSymbol(YazVectors.read("02-ill-request-oclc-complete"), "requester-id", "XYZ");

        IdentifiedApdu hub2 = (IdentifiedApdu) service.identify(receive(fromHub2, "198.51.100.10:7000"));
        IdentifiedApdu stranger = (IdentifiedApdu) service.identify(receive(fromStranger, "198.51.100.10:7001"));

        assertThat(hub2.peer().symbol()).isEqualTo("HUB2");
        assertThat(stranger.peer()).as("a symbol no peer has is nobody's, whatever host it came from").isNull();
        assertThat(stranger.isFromUnknownRequester()).isTrue();
    }

    @Test
    void aNewRequestIsAppliedAndLandsPending() {
        IdentifiedApdu request = identify(YazVectors.read("01-ill-request-minimal"));
        assertThat(request.isForUnknownSymbol()).isFalse();
        assertThat(request.predatesProfile()).isFalse();
        assertThat(request.isFromUnknownRequester()).isFalse();

        InboundOutcome.Applied applied = (InboundOutcome.Applied) service.apply(request);

        IllTransaction t = messageFile.find(applied.transactionId()).orElseThrow();
        assertThat(t.queue()).isEqualTo(Queue.PENDING);
        assertThat(t.title()).isEqualTo("A minimal request");
        assertThat(t.requesterSymbol()).isEqualTo("ZBW");
        assertThat(applied.reply()).isEmpty();
        assertThat(inboxStatus(request.received())).isEqualTo(InboxStatus.APPLIED.code());
        assertThat(messageFile.history(t.id())).hasSize(1);
        assertThat(messageFile.history(t.id()).get(0).apdu()).as("the JSON view, derived from the bytes")
                .contains("\"ILL-Request\"", "\"title\":\"A minimal request\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM apdu_history WHERE json IS NOT NULL",
                Integer.class)).as("no JSON written with the history row").isZero();
    }

    @Test
    void aTitleAsLongAsTheProtocolAllowsIsKept() {
        String title = "A very long title ".repeat(300);
        IdentifiedApdu request = identify(Variants.with(YazVectors.read("01-ill-request-minimal"), "item-id", "title", title));

        InboundOutcome.Applied applied = (InboundOutcome.Applied) service.apply(request);

        assertThat(messageFile.find(applied.transactionId()).orElseThrow().title()).isEqualTo(title);
    }

    @Test
    void theSameApduTwiceIsAppliedOnce() {
        byte[] bytes = YazVectors.read("01-ill-request-minimal");
        InboundOutcome.Applied first = (InboundOutcome.Applied) service.apply(identify(bytes));

        IdentifiedApdu again = identify(bytes);
        InboundOutcome second = service.apply(again);

        assertThat(second).isEqualTo(new InboundOutcome.Duplicate(first.transactionId(), null));
        assertThat(inboxStatus(again.received())).isEqualTo(InboxStatus.DUPLICATE.code());
        assertThat(messageFile.history(first.transactionId())).hasSize(2);
        assertThat(messageFile.history(first.transactionId()).get(1).note()).contains("received before");
    }

    @Test
    void aSecondRequestWithTheSameTransactionIdIsRefused() {
        service.apply(identify(YazVectors.read("01-ill-request-minimal")));

        InboundOutcome.Refused refused = refusedApplying(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"),
                "requester-id", "ZBW"), ReasonCode.DUPLICATE_TRANSACTION);

        assertThat(refused.refusal().report()).isEqualTo(new Refusal.TransactionIdProblem("duplicate-transaction-id"));
    }

    @Test
    void anApduAboutATransactionWeDoNotHaveIsRefused() {
        InboundOutcome.Refused refused = refusedApplying(YazVectors.read("18-cancel"), ReasonCode.UNKNOWN_TRANSACTION);

        assertThat(refused.refusal().sentence()).isEqualTo("The Cancel is about transaction ZBW/R-0001, which OCL has no record of.");
    }

    @Test
    void aPartnerThatAddsAnInitialRequesterIdIsStillAboutOurTransaction() {
        InboundOutcome.Applied request = (InboundOutcome.Applied) service.apply(identify(YazVectors.read("01-ill-request-minimal")));

        InboundOutcome cancel = service.apply(identify(Variants.withInitialRequester(YazVectors.read("18-cancel"), "ZBW")));

        assertThat(cancel).isInstanceOf(InboundOutcome.Applied.class);
        assertThat(((InboundOutcome.Applied) cancel).transactionId()).isEqualTo(request.transactionId());
        assertThat(messageFile.find(request.transactionId()).orElseThrow().status()).isEqualTo("Cancel Pending");
    }

    @Test
    void aRequestCreatedBeforeTheProfileStaysWithOclcHoweverLateItReachesUs() {
        IdentifiedApdu late = identify(Variants.withOriginalServiceDate(YazVectors.read("01-ill-request-minimal"), "20251201"));
        IdentifiedApdu fresh = identify(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), "R-NEW"));

        assertThat(late.predatesProfile()).as("begun 2025-12-01, before OCL's profile of 2026-01-01").isTrue();
        assertThat(fresh.predatesProfile()).as("sent and begun 2026-11-28").isFalse();
    }

    @Test
    void aTransitionTheProtocolForbidsIsRefusedAndReportedToTheSendersAddress() {
        service.apply(identify(YazVectors.read("01-ill-request-minimal")));

        InboundOutcome.Refused refused = refusedApplying(YazVectors.read("20-received"), ReasonCode.PROHIBITED_TRANSITION);

        assertThat(refused.refusal().report()).isEqualTo(new Refusal.StateTransitionProhibited("rECEIVED", "iN-PROCESS"));
        assertThat(refused.errorReport().onSameConnection()).isFalse();
        assertThat(refused.errorReport().address()).isEqualTo("192.0.2.7:1611");
        assertThat(refused.errorReport().transactionId()).isNotNull();
    }

    @Test
    void theAddressInApduDeliveryInfoWinsOverTheProfiledOne() {
        service.apply(identify(YazVectors.read("01-ill-request-minimal")));

        InboundOutcome.Refused refused = refusedApplying(Variants.withDeliveryInfo(YazVectors.read("20-received"),
                "203.0.113.5:2611"), ReasonCode.PROHIBITED_TRANSITION);

        assertThat(refused.errorReport().address()).isEqualTo("203.0.113.5:2611");
    }

    @Test
    void aStatusQueryIsAnsweredFromTheStoredState() {
        service.apply(identify(YazVectors.read("01-ill-request-minimal")));

        InboundOutcome.Applied answered = (InboundOutcome.Applied) service.apply(identify(YazVectors.read("31-status-query")));

        Apdu report = answered.statusReport().apdu();
        assertThat(report.type()).isEqualTo(ApduType.STATUS_OR_ERROR_REPORT);
        assertThat(report.at("status-report", "provider-status-report").orElseThrow().toString()).contains("iN-PROCESS");
        assertThat(answered.statusReport().transactionId()).isEqualTo(answered.transactionId());
    }

    @Test
    void aRequestThatPredatesTheProfileIsRecordedForOclc() {
        IdentifiedApdu request = identify(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "responder-id", "PRE"));
        assertThat(request.predatesProfile()).isTrue();

        InboundOutcome.RecordedForOclc recorded = (InboundOutcome.RecordedForOclc) service.recordForOclc(request);

        IllTransaction t = messageFile.find(recorded.transactionId()).orElseThrow();
        assertThat(t.queue()).isEqualTo(Queue.OCLC);
        assertThat(t.isManagedInOclc()).isTrue();
        assertThat(t.status()).isEqualTo("Update in OCLC");
        assertThat(inboxStatus(request.received())).isEqualTo(InboxStatus.RECORDED_FOR_OCLC.code());
    }

    @Test
    void aRequestFromAnUnknownRequesterIsQueuedWhereTheSiteSaysSo() {
        IdentifiedApdu request = identify(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "requester-id", "UNK"));
        assertThat(request.isFromUnknownRequester()).isTrue();

        InboundOutcome.Applied applied = (InboundOutcome.Applied) service.applyFromUnknownRequester(request);

        assertThat(messageFile.find(applied.transactionId()).orElseThrow().queue()).isEqualTo(Queue.UNKNOWN_REQUESTER);
    }

    @Test
    void aRequestFromAnUnknownRequesterIsRefusedWhereTheSiteSaysSo() {
        IdentifiedApdu request = identify(Variants.withSymbol(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"),
                "requester-id", "UNK"), "responder-id", "STRICT"));

        InboundOutcome.Refused refused = (InboundOutcome.Refused) service.applyFromUnknownRequester(request);

        assertThat(refused.refusal().code()).isEqualTo(ReasonCode.UNKNOWN_REQUESTER);
        assertThat(refused.refusal().sentence()).contains("UNK, a requester STRICT does not know");
    }

    @Test
    void anApduForASymbolWeDoNotServeIsRefused() {
        Identification identification = service.identify(receive(
                Variants.withSymbol(YazVectors.read("30-message"), "responder-id", "XXX"), "198.51.100.1:4000"));
        IdentifiedApdu message = (IdentifiedApdu) identification;
        assertThat(message.isForUnknownSymbol()).isTrue();

        InboundOutcome.Refused refused = (InboundOutcome.Refused) service.refuseUnknownSymbol(message);

        assertThat(refused.refusal().code()).isEqualTo(ReasonCode.UNKNOWN_SYMBOL);
        assertThat(refused.errorReport().onSameConnection()).isTrue();
    }

    @Test
    void aFaultOfOursIsADeadLetterWithoutAReportAndWithoutItsDetail() {
        IdentifiedApdu request = identify(YazVectors.read("01-ill-request-minimal"));

        InboundOutcome.Refused failed = service.failed(request.received(), request,
                new IllegalStateException("SELECT secret FROM somewhere"));

        assertThat(failed.reply()).isEmpty();
        assertThat(failed.refusal().code()).isEqualTo(ReasonCode.INTERNAL_ERROR);
        DeadLetter letter = deadLetters.find(failed.deadLetterId()).orElseThrow();
        assertThat(letter.reason()).contains("IllegalStateException").doesNotContain("SELECT");
        assertThat(letter.reportSent()).isEqualTo("no report: the fault was illbridge's, not the sender's");
    }

    @Test
    void aPeersErrorReportRejectsTheApduWeLastSentIt() {
        InboundOutcome.Applied request = (InboundOutcome.Applied) service.apply(identify(YazVectors.read("01-ill-request-minimal")));
        long ours = outbox.enqueue(request.transactionId(), "OCL", "ZBW", "Shipped", "{}", NOW.minus(Duration.ofDays(30)));
        outbox.sent(ours, outbox.claim().get(0).claimToken(), 1, NOW);

        InboundOutcome report = service.apply(identify(YazVectors.read("37-status-or-error-report-unable-to-perform")));

        assertThat(report).isInstanceOf(InboundOutcome.Applied.class);
        assertThat(outbox.find(ours).orElseThrow().status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(deadLetters.list(null, 10)).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).startsWith("ZBW rejected our Shipped (outbox " + ours + "): "));
    }

    @Test
    void howAReplyWentIsNotedOnItsDeadLetterAndInTheHistory() {
        service.apply(identify(YazVectors.read("01-ill-request-minimal")));
        InboundOutcome.Refused refused = refusedApplying(YazVectors.read("20-received"), ReasonCode.PROHIBITED_TRANSITION);

        service.replied(refused.errorReport(), "sent on a new connection to 192.0.2.7:1611");

        assertThat(deadLetters.find(refused.deadLetterId()).orElseThrow().reportSent())
                .isEqualTo("sent on a new connection to 192.0.2.7:1611");
        assertThat(messageFile.history(refused.errorReport().transactionId())).last()
                .satisfies(entry -> assertThat(entry.apduType()).isEqualTo("Status-Or-Error-Report"));
    }

    private InboundOutcome.Refused refusedApplying(byte[] bytes, ReasonCode code) {
        InboundOutcome outcome = service.apply(identify(bytes));
        assertThat(outcome).isInstanceOf(InboundOutcome.Refused.class);
        InboundOutcome.Refused refused = (InboundOutcome.Refused) outcome;
        assertThat(refused.refusal().code()).isEqualTo(code);
        assertThat(inboxStatus(refused)).isEqualTo(InboxStatus.REFUSED.code());
        return refused;
    }

    private IdentifiedApdu identify(byte[] bytes) {
        Identification identification = service.identify(receive(bytes));
        assertThat(identification).isInstanceOf(IdentifiedApdu.class);
        return (IdentifiedApdu) identification;
    }

    private ReceivedApdu receive(byte[] bytes) {
        return receive(bytes, "192.0.2.7:40000");
    }

    private ReceivedApdu receive(byte[] bytes, String peer) {
        long id = inbox.store(new ReceivedBytes(bytes, peer, "127.0.0.1:1611", NOW, InboxStatus.RECEIVED, null));
        return new ReceivedApdu(id, bytes, peer);
    }

    private String inboxStatus(ReceivedApdu received) {
        return inbox.find(received.inboxId()).orElseThrow().status();
    }

    private String inboxStatus(InboundOutcome.Refused refused) {
        return inbox.find(deadLetters.find(refused.deadLetterId()).orElseThrow().inboxId()).orElseThrow().status();
    }
}
