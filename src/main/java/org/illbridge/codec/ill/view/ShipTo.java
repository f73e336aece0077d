package org.illbridge.codec.ill.view;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;

/** Where the item goes: an ILL-Request's delivery-address, postal and electronic. */
public record ShipTo(String name, String extendedAddress, String street, String postOfficeBox, String city,
                     String region, String postalCode, String country, String electronicAddress) {

    public static Optional<ShipTo> of(Apdu apdu, Charset charset) {
        Optional<AsnValue> address = apdu.at("delivery-address");
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String name = apdu.at("delivery-address", "postal-address", "name-of-person-or-institution")
                .map(choice -> ((AsnValue.Choice) choice).value()).flatMap(v -> Texts.of(v, charset)).orElse(null);
        return Optional.of(new ShipTo(name, postal(apdu, "extended-postal-delivery-address", charset),
                postal(apdu, "street-and-number", charset), postal(apdu, "post-office-box", charset),
                postal(apdu, "city", charset), postal(apdu, "region", charset), postal(apdu, "postal-code", charset),
                postal(apdu, "country", charset),
                apdu.text(charset, "delivery-address", "electronic-address", "telecom-service-address").orElse(null)));
    }

    /** The address on one line, as the message file shows it. */
    public String oneLine() {
        List<String> lines = new ArrayList<>();
        for (String line : new String[] {name, extendedAddress, street, postOfficeBox, city, region, postalCode, country,
                electronicAddress}) {
            if (line != null) {
                lines.add(line);
            }
        }
        return String.join(", ", lines);
    }

    private static String postal(Apdu apdu, String line, Charset charset) {
        return apdu.text(charset, "delivery-address", "postal-address", line).orElse(null);
    }
}
