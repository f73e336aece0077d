package org.illbridge.codec.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.Universal;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Extensions YAZ cannot write for us, built here and read back by their registered names. */
class IllExtensionsTest {

    private final IllCodec codec = new IllCodec();

    @Test
    void anErrorReportCarriesTheIpigMissingRequiredElementDetail() throws Exception {
        AsnValue detail = new AsnValue.SequenceOf(List.of(new AsnValue.Choice("missing-required-element",
                AsnValue.IllString.general("ILL-REQUEST.item-id.title", StandardCharsets.UTF_8))));
        Apdu report = withExtension(codec.decode(YazVectors.read("37-status-or-error-report-unable-to-perform")),
                "status-or-error-report-extensions", IllExtensions.IPIG_USER_ERROR_INFO_OID, "Additional-User-Error-Report-Info", detail);

        Apdu decoded = codec.decode(codec.encode(report));

        assertThat(decoded).isEqualTo(report);
        JsonNode json = ApduJson.utf8().toJson(decoded);
        assertThat(json.at("/Status-Or-Error-Report/status-or-error-report-extensions/0/item/EXTERNAL/encoding"
                + "/single-ASN1-type/Additional-User-Error-Report-Info/0/missing-required-element").asString())
                .isEqualTo("ILL-REQUEST.item-id.title");
    }

    @Test
    void oclcsShippedExtensionCarriesThePaymentMethod() throws Exception {
        AsnValue ifm = AsnValue.Sequence.of(new AsnValue.Field("paymentMethod",
                AsnValue.IllString.general("IFM", StandardCharsets.UTF_8)));
        Apdu shipped = withExtension(codec.decode(YazVectors.read("07-shipped-minimal")),
                "shipped-extensions", IllExtensions.OCLC_SHIPPED_EXTENSION_OID, "OCLC-Shipped-Extension", ifm);

        Apdu decoded = codec.decode(codec.encode(shipped));

        assertThat(ApduJson.utf8().toJson(decoded).at("/Shipped/shipped-extensions/0/item/EXTERNAL/encoding"
                + "/single-ASN1-type/OCLC-Shipped-Extension/paymentMethod").asString()).isEqualTo("IFM");
    }

    private static Apdu withExtension(Apdu apdu, String component, String oid, String typeName, AsnValue content) {
        AsnValue external = AsnValue.Sequence.of(
                new AsnValue.Field("direct-reference", new AsnValue.Oid(oid)),
                new AsnValue.Field("encoding", new AsnValue.Choice("single-ASN1-type", new AsnValue.Typed(typeName, content))));
        AsnValue extension = AsnValue.Sequence.of(
                new AsnValue.Field("identifier", new AsnValue.Int(1)),
                new AsnValue.Field("critical", new AsnValue.Bool(false)),
                new AsnValue.Field("item", new AsnValue.Typed(Universal.EXTERNAL.name(), external)));
        return new Apdu(apdu.type(), apdu.body().with(component, new AsnValue.SequenceOf(List.of(extension))));
    }
}
