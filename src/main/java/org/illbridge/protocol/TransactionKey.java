package org.illbridge.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;

/**
 * The full transaction-id of an ISO ILL transaction: initial requester (its symbol), group
 * qualifier, transaction qualifier and sub-transaction qualifier ("" where absent). Shown in JSON
 * under the ASN.1 names.
 */
public record TransactionKey(@JsonProperty("initial-requester-id") String initialRequester,
                             @JsonProperty("transaction-group-qualifier") String groupQualifier,
                             @JsonProperty("transaction-qualifier") String transactionQualifier,
                             @JsonProperty("sub-transaction-qualifier") String subQualifier) {

    public static TransactionKey of(Apdu apdu, Charset charset) {
        return new TransactionKey(
                apdu.at("transaction-id", "initial-requester-id").map(id -> Symbols.of(id, charset)).orElse(""),
                apdu.text(charset, "transaction-id", "transaction-group-qualifier").orElse(""),
                apdu.text(charset, "transaction-id", "transaction-qualifier").orElse(""),
                apdu.text(charset, "transaction-id", "sub-transaction-qualifier").orElse(""));
    }

    @Override
    public String toString() {
        String text = groupQualifier + "/" + transactionQualifier + (subQualifier.isEmpty() ? "" : "/" + subQualifier);
        return initialRequester.isEmpty() ? text : initialRequester + ":" + text;
    }

    /** Reading a library's symbol out of a System-Id. */
    public static final class Symbols {
        private Symbols() {
        }

        /** The institution or person symbol of a System-Id, else its name, else "". */
        public static String of(AsnValue systemId, Charset charset) {
            if (!(systemId instanceof AsnValue.Sequence sequence)) {
                return "";
            }
            return sequence.get("person-or-institution-symbol")
                    .or(() -> sequence.get("name-of-person-or-institution"))
                    .map(choice -> ((AsnValue.Choice) choice).value())
                    .map(text -> ((AsnValue.IllString) text).text(charset).orElse(""))
                    .orElse("");
        }
    }
}
