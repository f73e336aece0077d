package org.illbridge.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.view.Texts;

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
                apdu.at("transaction-id", "initial-requester-id").map(id -> Texts.symbol(id, charset)).orElse(""),
                apdu.text(charset, "transaction-id", "transaction-group-qualifier").orElse(""),
                apdu.text(charset, "transaction-id", "transaction-qualifier").orElse(""),
                apdu.text(charset, "transaction-id", "sub-transaction-qualifier").orElse(""));
    }

    @Override
    public String toString() {
        String text = groupQualifier + "/" + transactionQualifier + (subQualifier.isEmpty() ? "" : "/" + subQualifier);
        return initialRequester.isEmpty() ? text : initialRequester + ":" + text;
    }
}
