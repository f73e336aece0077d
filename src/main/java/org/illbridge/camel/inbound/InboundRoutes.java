package org.illbridge.camel.inbound;

import org.apache.camel.builder.RouteBuilder;

/**
 * The fixed plumbing the inbound policy route (routes/inbound-apdu.camel.yaml) calls by name.
 * These routes have no error handler of their own: a refusal travels back to the policy route,
 * whose dead-letter channel (from {@link DeadLetterChannelConfiguration}) stores it and reports it.
 */
public final class InboundRoutes extends RouteBuilder {

    public static final String IDENTIFY = "direct:identify-apdu";
    public static final String APPLY = "direct:apply-apdu";
    public static final String UNKNOWN_REQUESTER = "direct:unknown-requester";
    public static final String RECORD_FOR_OCLC = "direct:record-for-oclc";
    public static final String REFUSE_UNKNOWN_SYMBOL = "direct:refuse-unknown-symbol";
    public static final String REPLY = "direct:reply-to-sender";
    public static final String DEAD_LETTER = "direct:dead-letter";

    private final ApduIdentifier identifier;
    private final ApduValidator validator;
    private final MessageFileWriter writer;
    private final ReplyDelivery replies;
    private final DeadLetterRecorder deadLetters;
    private final PeerRejections rejections;

    public InboundRoutes(ApduIdentifier identifier, ApduValidator validator, MessageFileWriter writer,
                         ReplyDelivery replies, DeadLetterRecorder deadLetters, PeerRejections rejections) {
        this.identifier = identifier;
        this.validator = validator;
        this.writer = writer;
        this.replies = replies;
        this.deadLetters = deadLetters;
        this.rejections = rejections;
    }

    @Override
    public void configure() {
        from(IDENTIFY).routeId("identify-apdu").errorHandler(noErrorHandler())
                .process(identifier).id("decode-and-identify")
                .process(validator).id("validate-apdu");

        from(APPLY).routeId("apply-apdu").errorHandler(noErrorHandler())
                .process(writer::apply).id("apply-to-message-file")
                .process(rejections::record).id("note-rejections-of-our-apdus")
                .to(REPLY).id("answer-status-query");

        from(UNKNOWN_REQUESTER).routeId("unknown-requester").errorHandler(noErrorHandler())
                .process(writer::applyFromUnknownRequester).id("apply-unknown-requester-policy");

        from(RECORD_FOR_OCLC).routeId("record-for-oclc").errorHandler(noErrorHandler())
                .process(writer::recordForOclc).id("record-and-flag-update-in-oclc");

        from(REFUSE_UNKNOWN_SYMBOL).routeId("refuse-unknown-symbol").errorHandler(noErrorHandler())
                .process(writer::refuseUnknownSymbol).id("refuse-for-unknown-symbol");

        from(REPLY).routeId("reply-to-sender").errorHandler(noErrorHandler())
                .filter(header(Outcome.REPLY).isNotNull()).id("only-with-a-reply")
                    .process(replies::deliver).id("deliver-reply")
                .end();

        from(DEAD_LETTER).routeId("dead-letter").errorHandler(noErrorHandler())
                .process(deadLetters::store).id("store-dead-letter")
                .to(REPLY).id("report-to-sender")
                .process(deadLetters::noteReport).id("note-report-delivery");
    }
}
