package org.illbridge.camel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.illbridge.camel.inbound.InboundExchange;
import org.illbridge.camel.inbound.InboundRoutes;
import org.illbridge.store.BatchTransaction;
import org.illbridge.store.InboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the APDUs of one connection's batch ({@link KeptFrame}s, as {@link InboxWriter} left them)
 * to the inbound routes in the order they came, all in one database transaction: a batch costs one
 * flush instead of one per APDU, and the writes nobody waits for (history rows, inbox statuses) go
 * to the database together just before the commit ({@link BatchTransaction}). Nothing a peer hears goes out before the commit: the answers owed
 * on the connection are written, in order, when the exchange completes; replies owed on a new
 * connection are sent once the batch is committed. A batch that cannot be committed whole — an
 * APDU's processing failed, or the commit did — is rolled back and its APDUs are processed again
 * one at a time, each in its own transaction, so one bad APDU costs the others only time; one that
 * fails alone stays "received" in the inbox, and inbox recovery takes it again later.
 */
public final class InboundBatchProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundBatchProcessor.class);

    private final ProducerTemplate producer;
    private final BatchTransaction transaction;

    public InboundBatchProcessor(ProducerTemplate producer, BatchTransaction transaction) {
        this.producer = producer;
        this.transaction = transaction;
    }

    @Override
    public void process(Exchange batch) {
        @SuppressWarnings("unchecked")
        List<KeptFrame> frames = batch.getMessage().getBody(List.class);
        List<KeptFrame> apdus = frames.stream().filter(KeptFrame::toProcess).toList();
        if (apdus.isEmpty()) {
            return;
        }
        String peer = batch.getMessage().getHeader(InboxWriter.PEER, String.class);
        List<byte[]> answers = apdus.size() == 1 ? alone(apdus.get(0), peer) : together(apdus, peer);
        batch.setProperty(InboundExchange.ANSWER, joined(answers));
    }

    /** The batch in one transaction; if that fails, each APDU alone. */
    private List<byte[]> together(List<KeptFrame> apdus, String peer) {
        List<byte[]> answers = new ArrayList<>();
        List<Exchange> repliesAfterCommit = new ArrayList<>();
        try {
            boolean committed = transaction.runAll(apdus, apdu -> {
                Exchange one = producer.send(IsoIllListenerRoute.APDU_RECEIVED,
                        exchange -> received(exchange, apdu, peer, repliesAfterCommit));
                if (one.getException() != null) {
                    LOG.warn("Processing inbox entry {} in a batch of {} did not finish ({})", apdu.inboxId(), apdus.size(),
                            one.getException().getMessage());
                    return false;
                }
                answer(one, answers);
                return true;
            });
            if (committed) {
                repliesAfterCommit.forEach(this::sendAfterCommit);
                return answers;
            }
            LOG.warn("A batch of {} APDUs was rolled back; it is processed again one APDU at a time", apdus.size());
        } catch (RuntimeException commitFailed) {
            LOG.warn("A batch of {} APDUs could not be committed ({}); it is processed again one APDU at a time",
                    apdus.size(), commitFailed.getMessage());
        }
        List<byte[]> oneByOne = new ArrayList<>();
        apdus.forEach(apdu -> oneByOne.addAll(alone(apdu, peer)));
        return oneByOne;
    }

    /** One APDU on its own: its routes commit as they go, and send its reply themselves. */
    private List<byte[]> alone(KeptFrame apdu, String peer) {
        Exchange one = producer.send(IsoIllListenerRoute.APDU_RECEIVED, exchange -> received(exchange, apdu, peer, null));
        if (one.getException() != null) {
            // the bytes are in the inbox, still "received": inbox recovery processes them again
            LOG.error("Processing inbox entry {} did not finish ({}); it will be processed again", apdu.inboxId(),
                    one.getException().getMessage());
            return List.of();
        }
        List<byte[]> answers = new ArrayList<>(1);
        answer(one, answers);
        return answers;
    }

    private static void received(Exchange exchange, KeptFrame apdu, String peer, List<Exchange> repliesAfterCommit) {
        exchange.getMessage().setBody(apdu.bytes());
        exchange.getMessage().setHeader(InboxWriter.INBOX_ID, apdu.inboxId());
        exchange.getMessage().setHeader(InboxWriter.INBOX_STATUS, InboxStatus.RECEIVED.code());
        exchange.getMessage().setHeader(InboxWriter.PEER, peer);
        exchange.setProperty(InboundExchange.ON_CONNECTION, true);
        if (repliesAfterCommit != null) {
            exchange.setProperty(InboundExchange.REPLY_AFTER_COMMIT, repliesAfterCommit);
        }
    }

    private void sendAfterCommit(Exchange held) {
        producer.send(InboundRoutes.REPLY_ON_NEW_CONNECTION_AND_NOTE, exchange -> {
            exchange.getMessage().setHeaders(held.getMessage().getHeaders());
            exchange.setProperty(InboundExchange.REPLY, held.getProperty(InboundExchange.REPLY));
            exchange.setProperty(InboundExchange.OUTCOME, held.getProperty(InboundExchange.OUTCOME));
        });
    }

    private static void answer(Exchange one, List<byte[]> answers) {
        byte[] answer = one.getProperty(InboundExchange.ANSWER, byte[].class);
        if (answer != null) {
            answers.add(answer);
        }
    }

    /** BER frames delimit themselves: several answers are written one after the other. */
    private static byte[] joined(List<byte[]> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        if (answers.size() == 1) {
            return answers.get(0);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        answers.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
