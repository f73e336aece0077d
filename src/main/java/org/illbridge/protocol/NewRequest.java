package org.illbridge.protocol;

import static org.illbridge.protocol.ApduDocuments.NODES;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.view.OclcRequestExtension;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new borrowing request as staff (or a local system) place it; {@link #toApdu} makes the
 * ILL-Request. Only {@code symbol} and {@code responder} are structurally required here: what a
 * partner insists on (OCLC: title, Verified, Ship To, a service level or date) is checked by
 * {@link OutboundRules} so that the refusal can say exactly what is missing.
 *
 * @param symbol our site's symbol, the requester
 * @param responder the library (or OCLC) asked
 * @param transactionQualifier the transaction's qualifier; one is made up when absent
 * @param serviceType loan (default) or copy-non-returnable
 * @param verification where the citation was verified ("Verified"/"Source", e.g. OCLC WorldCat)
 * @param levelOfService a one-character service level
 * @param needBefore YYYYMMDD
 * @param expiryDate YYYYMMDD
 * @param shipTo the delivery address
 * @param maximumCost what the requester will pay
 */
public record NewRequest(String symbol, String responder,
                         @JsonProperty("transaction-qualifier") String transactionQualifier,
                         @JsonProperty("service-type") String serviceType,
                         String title, String author, String verification,
                         @JsonProperty("level-of-service") String levelOfService,
                         @JsonProperty("need-before") String needBefore,
                         @JsonProperty("expiry-date") String expiryDate,
                         @JsonProperty("ship-to") Address shipTo,
                         @JsonProperty("maximum-cost") Cost maximumCost, String note) {

    public record Address(String name, String street, String city, String region,
                          @JsonProperty("postal-code") String postalCode, String country) {
    }

    public record Cost(String currency, String value) {
    }

    public Apdu toApdu(String qualifier, boolean feeManagement, LocalDateTime now) throws JsonViewException {
        ObjectNode body = ActionApdus.header(new ActionApdus.Transaction(
                new TransactionKey("", symbol, qualifier, ""), symbol, responder), now);
        body.put("transaction-type", "simple");
        if (shipTo != null) {
            ObjectNode postal = NODES.objectNode();
            if (shipTo.name() != null) {
                ObjectNode name = NODES.objectNode();
                name.put("name-of-institution", shipTo.name());
                postal.set("name-of-person-or-institution", name);
            }
            putIf(postal, "street-and-number", shipTo.street());
            putIf(postal, "city", shipTo.city());
            putIf(postal, "region", shipTo.region());
            putIf(postal, "country", shipTo.country());
            putIf(postal, "postal-code", shipTo.postalCode());
            ObjectNode address = NODES.objectNode();
            address.set("postal-address", postal);
            body.set("delivery-address", address);
        }
        body.set("iLL-service-type", ActionApdus.array(serviceType != null ? serviceType : "loan"));
        ObjectNode messages = NODES.objectNode();
        messages.put("can-send-RECEIVED", true);
        messages.put("can-send-RETURNED", true);
        messages.put("requester-SHIPPED", "requires");
        messages.put("requester-CHECKED-IN", "desires");
        body.set("requester-optional-messages", messages);
        if (levelOfService != null || needBefore != null || expiryDate != null) {
            ObjectNode search = NODES.objectNode();
            putIf(search, "level-of-service", levelOfService);
            putIf(search, "need-before-date", needBefore);
            search.put("expiry-flag", expiryDate != null ? "other-Date" : "no-Expiry");
            putIf(search, "expiry-date", expiryDate);
            body.set("search-type", search);
        }
        ObjectNode item = NODES.objectNode();
        putIf(item, "author", author);
        putIf(item, "title", title);
        putIf(item, "verification-reference-source", verification);
        body.set("item-id", item);
        if (maximumCost != null) {
            ObjectNode amount = NODES.objectNode();
            putIf(amount, "currency-code", maximumCost.currency());
            amount.put("monetary-value", maximumCost.value());
            ObjectNode cost = NODES.objectNode();
            cost.set("maximum-cost", amount);
            body.set("cost-info-type", cost);
        }
        putIf(body, "requester-note", note);
        ObjectNode document = NODES.objectNode();
        document.set("ILL-Request", body);
        Apdu apdu = ApduJson.utf8().fromJson(document);
        return feeManagement ? Extensions.add(apdu, OclcRequestExtension.paidByIfm().toExtension()) : apdu;
    }


    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
