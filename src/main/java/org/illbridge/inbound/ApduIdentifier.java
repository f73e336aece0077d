package org.illbridge.inbound;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.view.ErrorReport.ElementProblem;
import org.illbridge.codec.ill.view.Texts;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.Peer;
import org.illbridge.profile.Profiles;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.MessageFileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decodes an inbound APDU and works out who and what it is about: the site (our symbol) it is
 * addressed to, our role, its transaction and when that began, the sender. An APDU that does not
 * decode, or speaks an unsupported protocol version, is refused here.
 */
record ApduIdentifier(IllCodec codec, ProfileRegistry profiles, MessageFileStore messageFile) {

    private static final Logger LOG = LoggerFactory.getLogger(ApduIdentifier.class);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** @throws ApduRefused when the APDU cannot be read or is of a version illbridge does not speak */
    IdentifiedApdu identify(ReceivedApdu received) {
        Apdu apdu = decode(received.bytes());
        if (apdu.protocolVersion() != 1 && apdu.protocolVersion() != 2) {
            throw new ApduRefused(new Refusal(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION,
                    "The APDU uses protocol version " + apdu.protocolVersion() + "; ISO ILL versions 1 and 2 are supported.",
                    new Refusal.GeneralProblem("protocol-version-not-supported", null)));
        }
        Profiles profiles = this.profiles.current();
        Optional<Peer> byHost = peerAtHost(profiles, received.peerHost());
        Charset charset = byHost.map(Peer::charset).orElse(StandardCharsets.UTF_8);
        String responder = symbol(apdu, charset, "responder-id");
        String requester = symbol(apdu, charset, "requester-id");
        String initialRequester = symbol(apdu, charset, "transaction-id", "initial-requester-id");
        SiteProfile site = site(profiles, responder, requester, initialRequester);
        TransactionKey key = TransactionKey.of(apdu, charset);
        Role role = site == null ? null : role(apdu.type(), site, key, responder);
        IllTransaction existing = role == null ? null : existing(apdu.type(), role, site.symbol(), key);
        String requesterSymbol = requester != null ? requester : initialRequester;
        if (existing == null && site != null && apdu.type() == ApduType.ILL_REQUEST && !site.knowsRequester(requesterSymbol)
                && requesterSymbol != null && messageFile.isKnownRequester(site.symbol(), requesterSymbol)) {
            site = site.withKnownRequester(requesterSymbol);
        }
        String sender = role == Role.LENDING ? requesterSymbol : responder;
        // the sender is the symbol the APDU names; its source host only where the APDU names none
        Peer peer = sender == null || site == null ? byHost.orElse(null) : site.peer(sender).orElse(null);
        if (peer != null && sender != null && !peer.allowsSource(received.peerHost())) {
            LOG.warn("Security: an APDU naming {} came from {}, which {}'s profile does not allow; refused", sender,
                    received.peerHost(), sender);
            throw new ApduRefused(new Refusal(ReasonCode.SENDER_NOT_ALLOWED, "The " + apdu.type().asnName() + " names " + sender
                    + " as its sender but came from " + received.peerHost() + ", which is not among the addresses " + sender
                    + " may send from (its profile's allowed-sources).", new Refusal.UnableToPerform("not-available", null)));
        }
        return new IdentifiedApdu(received, apdu, peer != null ? peer.charset() : charset, site, role, key, existing,
                createdAt(apdu, existing), requesterSymbol, sender, peer, sha256(received.bytes()),
                TransactionSynchronizationManager.isActualTransactionActive());
    }

    /** The APDU, if the bytes decode at all (for the dead letter of one refused while it was identified). */
    Optional<Apdu> decodeQuietly(byte[] bytes) {
        try {
            return Optional.of(codec.decode(bytes));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }

    private Apdu decode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (DecodeException e) {
            boolean apduTag = bytes.length > 0 && (bytes[0] & 0xC0) == 0x40 && (bytes[0] & 0x1F) >= 1 && (bytes[0] & 0x1F) <= 20;
            throw new ApduRefused(new Refusal(ReasonCode.UNDECODABLE, "The APDU could not be read as ISO ILL: " + e.getMessage(),
                    new Refusal.GeneralProblem(apduTag ? "badly-structured-APDU" : "unrecognized-APDU", null)));
        }
    }

    /** The site among ours that the APDU names: as responder, requester or initial requester. */
    private static SiteProfile site(Profiles profiles, String... symbols) {
        for (String symbol : symbols) {
            Optional<SiteProfile> site = Optional.ofNullable(symbol).flatMap(profiles::site);
            if (site.isPresent()) {
                return site.get();
            }
        }
        boolean namesNone = Arrays.stream(symbols).allMatch(Objects::isNull);
        return namesNone && profiles.sites().size() == 1 ? profiles.sites().get(0) : null;
    }

    /** Our role: fixed by the APDU type, or for the types either side sends, by the transaction we hold. */
    private Role role(ApduType type, SiteProfile site, TransactionKey key, String responder) {
        return ProtocolMachine.receivingRole(type).orElseGet(() -> {
            List<IllTransaction> held = messageFile.find(site.symbol(), key);
            if (held.size() == 1) {
                return held.get(0).role();
            }
            return site.symbol().equals(responder) ? Role.LENDING : Role.BORROWING;
        });
    }

    /** When the transaction began: as stored, or as the APDU says (its own time for an ILL-Request, else the original service's). */
    /**
     * The transaction an APDU is about: its id exactly, or — for anything but a new request — the one
     * transaction with the same qualifiers whichever side left out the initial-requester-id.
     */
    private IllTransaction existing(ApduType type, Role role, String site, TransactionKey key) {
        Optional<IllTransaction> exact = messageFile.find(role, site, key);
        if (exact.isPresent() || type == ApduType.ILL_REQUEST) {
            return exact.orElse(null);
        }
        return messageFile.findIgnoringInitialRequester(role, site, key).orElse(null);
    }

    /**
     * When the transaction began: a request's original service date where it carries one (a request
     * created before the profile stays with OCLC however late it reaches us), else its own.
     */
    private static LocalDateTime createdAt(Apdu apdu, IllTransaction existing) {
        if (existing != null) {
            return existing.createdAt();
        }
        boolean original = apdu.at("service-date-time", "date-time-of-original-service", "date").isPresent();
        String which = original || apdu.type() != ApduType.ILL_REQUEST ? "date-time-of-original-service"
                : "date-time-of-this-service";
        Optional<String> date = apdu.text(StandardCharsets.ISO_8859_1, "service-date-time", which, "date");
        String time = apdu.text(StandardCharsets.ISO_8859_1, "service-date-time", which, "time").orElse("000000");
        try {
            return date.map(d -> LocalDateTime.parse(d + time, DATE_TIME)).orElse(null);
        } catch (DateTimeParseException e) {
            throw new ApduRefused(new Refusal(ReasonCode.INVALID_TRANSACTION,
                    "The APDU's service date '" + date.get() + time + "' is not a date (YYYYMMDD HHMMSS).",
                    new Refusal.GeneralProblem("badly-structured-APDU", ElementProblem.unrecognized(
                            ApduChecks.element(apdu.type(), "service-date-time." + which)))));
        }
    }

    private static String symbol(Apdu apdu, Charset charset, String... path) {
        return apdu.at(path).map(id -> Texts.symbol(id, charset)).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static Optional<Peer> peerAtHost(Profiles profiles, String host) {
        return profiles.sites().stream().flatMap(s -> s.peerAtHost(host).stream()).findFirst();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
