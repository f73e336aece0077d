package org.illbridge.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.view.DeliveryInfo;
import org.illbridge.codec.json.JsonViewException;
import org.illbridge.protocol.ActionApdus;
import org.illbridge.protocol.ActionRequest;
import org.illbridge.protocol.NewRequest;
import org.illbridge.protocol.StaffAction;
import org.illbridge.protocol.TransactionKey;

/**
 * The scripted exchange of {@code conformance}: on one connection to the partner, an ILL-Request
 * in the OCLC form (OCLC request extension with IFM, maximum cost, APDU-Delivery-Info), a
 * Status-Query, a Message, a Cancel and a Status-Query again — what needs no person on the other
 * side to answer or to take — each followed by a wait for what comes back, on that connection or
 * on our own listener.
 */
final class ConformanceCheck {

    /** One APDU of the script, and the answers that end its wait early. */
    record Step(String name, Apdu apdu, List<String> extensions, Set<ApduType> answeredBy) {
    }

    /** What came back: an APDU (or why its bytes are not one), where, and when. */
    record Received(Apdu apdu, String problem, String via, long atNanos) {
    }

    /** A step as it went. */
    record Outcome(Step step, long sentAtNanos, List<Received> replies) {
    }

    static final String SAME_CONNECTION = "same connection";
    static final String OUR_LISTENER = "our listener";

    private final IllCodec codec = new IllCodec();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final String host;
    private final int port;
    private final String as;
    private final String peer;
    private final Duration wait;

    ConformanceCheck(String host, int port, String as, String peer, Duration wait) {
        this.host = host;
        this.port = port;
        this.as = as;
        this.peer = peer;
        this.wait = wait;
    }

    /**
     * Runs the script. With {@code listener} open, its address ({@code announced}, host:port) is
     * our address in APDU-Delivery-Info and whatever the partner sends there is read too.
     */
    List<Outcome> run(ServerSocket listener, String announced, String qualifier, LocalDateTime now) throws IOException {
        List<Thread> readers = new ArrayList<>();
        if (listener != null) {
            readers.add(daemon(() -> accept(listener)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            String ours = announced != null ? announced
                    : listener != null ? socket.getLocalAddress().getHostAddress() + ":" + listener.getLocalPort() : null;
            readers.add(daemon(() -> read(socket, SAME_CONNECTION)));
            for (Step step : script(qualifier, ours, now)) {
                long sent = System.nanoTime();
                socket.getOutputStream().write(codec.encode(step.apdu()));
                socket.getOutputStream().flush();
                outcomes.add(new Outcome(step, sent, awaitReplies(step)));
            }
        } catch (EncodeException | JsonViewException e) {
            throw new IllegalStateException("the script's own APDUs must encode: " + e.getMessage(), e);
        } finally {
            readers.forEach(Thread::interrupt);
        }
        return outcomes;
    }

    private List<Step> script(String qualifier, String ours, LocalDateTime now) throws JsonViewException {
        DeliveryInfo info = new DeliveryInfo(List.of(DeliveryInfo.Party.of(ours, as)),
                List.of(DeliveryInfo.Party.of(host + ":" + port, peer)));
        NewRequest request = new NewRequest(as, peer, qualifier, "loan", "illbridge conformance check",
                "Test, Conformance", "OCLC WorldCat", null, now.toLocalDate().plusDays(30).format(DateTimeFormatter.BASIC_ISO_DATE), null,
                new NewRequest.Address("illbridge conformance check", "1 Test Street", "Testing", null, "00000", "US"),
                new NewRequest.Cost("USD", "10.00"), "A test request from illbridge's conformance check; please cancel it.");
        ActionApdus.Transaction transaction = new ActionApdus.Transaction(new TransactionKey("", as, qualifier, ""), as, peer);
        return List.of(
                step("ILL-Request (OCLC form)", request.toApdu(qualifier, true, now), info,
                        List.of("OCLC ILL request extension (IFM)", "APDU-Delivery-Info"),
                        Set.of(ApduType.ILL_ANSWER, ApduType.SHIPPED, ApduType.STATUS_OR_ERROR_REPORT)),
                step("Status-Query", action(StaffAction.STATUS_QUERY, null, transaction, now), info,
                        List.of("APDU-Delivery-Info"), Set.of(ApduType.STATUS_OR_ERROR_REPORT)),
                step("Message", action(StaffAction.MESSAGE, "illbridge conformance check: a Message; no answer is"
                        + " expected", transaction, now), info, List.of("APDU-Delivery-Info"),
                        Set.of(ApduType.STATUS_OR_ERROR_REPORT)),
                step("Cancel", action(StaffAction.CANCEL, "illbridge conformance check: please cancel", transaction, now),
                        info, List.of("APDU-Delivery-Info"), Set.of(ApduType.CANCEL_REPLY, ApduType.STATUS_OR_ERROR_REPORT)),
                step("Status-Query (after the Cancel)", action(StaffAction.STATUS_QUERY, "after the Cancel", transaction, now), info,
                        List.of("APDU-Delivery-Info"), Set.of(ApduType.STATUS_OR_ERROR_REPORT)));
    }

    private static Apdu action(StaffAction action, String note, ActionApdus.Transaction transaction, LocalDateTime now)
            throws JsonViewException {
        return ActionApdus.of(action, ActionRequest.of(action.name().toLowerCase(Locale.ROOT), note), transaction, now);
    }

    private static Step step(String name, Apdu apdu, DeliveryInfo info, List<String> extensions, Set<ApduType> answeredBy) {
        return new Step(name, Extensions.add(apdu, info.toExtension()), extensions, answeredBy);
    }

    /** Collects replies until one that answers the step arrives, or the wait is over. */
    private List<Received> awaitReplies(Step step) {
        List<Received> replies = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                Received next = received.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                replies.add(next);
                if (next.apdu() != null && step.answeredBy().contains(next.apdu().type())) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return replies;
    }

    private void accept(ServerSocket listener) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Socket connection = listener.accept();
                daemon(() -> read(connection, OUR_LISTENER));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Reads APDUs from {@code socket} until it closes, each onto the queue. */
    private void read(Socket socket, String via) {
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                pending.write(buffer, 0, n);
                byte[] bytes = pending.toByteArray();
                pending.reset();
                for (ApduStream.Frame frame : ApduStream.split(bytes)) {
                    if (frame.isIncomplete()) {
                        pending.writeBytes(frame.bytes());
                    } else if (frame.error() != null) {
                        received.add(new Received(null, frame.error(), via, System.nanoTime()));
                        return;
                    } else {
                        received.add(decoded(frame.bytes(), via));
                    }
                }
            }
        } catch (SocketException closed) {
            // the connection ended: nothing more comes this way
        } catch (IOException e) {
            received.add(new Received(null, "reading failed: " + e.getMessage(), via, System.nanoTime()));
        }
    }

    private Received decoded(byte[] bytes, String via) {
        try {
            return new Received(codec.decode(bytes), null, via, System.nanoTime());
        } catch (DecodeException e) {
            return new Received(null, "not ISO ILL: " + e.getMessage(), via, System.nanoTime());
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "conformance-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
