package org.illbridge.codec.ill.view;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.IllExtensions;

/**
 * IPIG APDU-Delivery-Info (1.0.10161.13.3): where the sender and the recipient of an APDU listen,
 * and under which symbols.
 */
public record DeliveryInfo(List<Party> senders, List<Party> recipients) {

    /** One side: its TCP/IP address ({@code host:port}, or null) and its symbols. */
    public record Party(String address, List<String> symbols) {

        public static Party of(String address, String symbol) {
            return new Party(address, symbol == null ? List.of() : List.of(symbol));
        }
    }

    public DeliveryInfo {
        senders = List.copyOf(senders);
        recipients = List.copyOf(recipients);
    }

    public static Optional<DeliveryInfo> of(Apdu apdu, Charset charset) {
        return Extensions.find(apdu, IllExtensions.APDU_DELIVERY_INFO_OID)
                .map(info -> (AsnValue.Sequence) info)
                .map(info -> new DeliveryInfo(parties(info, "sender-info", charset), parties(info, "recipient-info", charset)));
    }

    /** The first address the sender gave that has the {@code host:port} form. */
    public Optional<String> senderAddress() {
        return senders.stream().map(Party::address).filter(a -> a != null && a.contains(":")).findFirst();
    }

    /** This delivery info as an extension to add to an APDU. */
    public AsnValue toExtension() {
        return Extensions.of(IllExtensions.APDU_DELIVERY_INFO_OID, "APDU-Delivery-Info", AsnValue.Sequence.of(
                new AsnValue.Field("sender-info", parameters(senders)),
                new AsnValue.Field("recipient-info", parameters(recipients))));
    }

    private static List<Party> parties(AsnValue.Sequence info, String component, Charset charset) {
        List<Party> parties = new ArrayList<>();
        for (AsnValue element : info.get(component).map(v -> ((AsnValue.SequenceOf) v).elements()).orElse(List.of())) {
            AsnValue.Sequence parameters = (AsnValue.Sequence) element;
            String address = parameters.get("transport")
                    .flatMap(transport -> ((AsnValue.Sequence) transport).get("telecom-service-address"))
                    .flatMap(text -> Texts.of(text, charset))
                    .orElse(null);
            List<String> symbols = parameters.get("aliases").map(v -> ((AsnValue.SequenceOf) v).elements()).orElse(List.of())
                    .stream().map(alias -> Texts.symbol(alias, charset)).filter(s -> !s.isEmpty()).toList();
            parties.add(new Party(address, symbols));
        }
        return parties;
    }

    private static AsnValue parameters(List<Party> parties) {
        List<AsnValue> list = new ArrayList<>();
        for (Party party : parties) {
            List<AsnValue.Field> transport = new ArrayList<>();
            transport.add(new AsnValue.Field("telecom-service-identifier", text("TCP/IP")));
            if (party.address() != null) {
                transport.add(new AsnValue.Field("telecom-service-address", text(party.address())));
            }
            List<AsnValue> aliases = party.symbols().stream().map(Texts::systemId).toList();
            List<AsnValue.Field> fields = new ArrayList<>(List.of(
                    new AsnValue.Field("encoding", new AsnValue.SequenceOf(List.of(new AsnValue.Enumerated(3, "bER")))),
                    new AsnValue.Field("transport", new AsnValue.Sequence(transport))));
            if (!aliases.isEmpty()) {
                fields.add(new AsnValue.Field("aliases", new AsnValue.SequenceOf(aliases)));
            }
            list.add(new AsnValue.Sequence(fields));
        }
        return new AsnValue.SequenceOf(list);
    }

    private static AsnValue.IllString text(String value) {
        return AsnValue.IllString.general(value, StandardCharsets.UTF_8);
    }
}
