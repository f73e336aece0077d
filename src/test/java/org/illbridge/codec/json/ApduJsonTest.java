package org.illbridge.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON view: ASN.1 names, readable values, and JSON → model giving the same APDU back. */
class ApduJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final IllCodec codec = new IllCodec();
    private final ApduJson json = ApduJson.utf8();

    static List<Path> vectors() {
        return YazVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readingTheJsonOfADecodedApduGivesTheSameApdu(Path vector) throws Exception {
        Apdu apdu = codec.decode(YazVectors.read(vector));

        String text = MAPPER.writeValueAsString(json.toJson(apdu));

        assertThat(json.fromJson(MAPPER.readTree(text))).isEqualTo(apdu);
    }

    @Test
    void namesTheApduTypeAndItsComponentsAsTheAsn1Does() throws Exception {
        JsonNode request = view("02-ill-request-oclc-complete").get("ILL-Request");

        assertThat(request.get("protocol-version-num").asInt()).isEqualTo(2);
        assertThat(request.at("/transaction-id/transaction-group-qualifier").asString()).isEqualTo("ZBW");
        assertThat(request.at("/transaction-id/transaction-qualifier").asString()).isEqualTo("R-0002");
        assertThat(request.at("/requester-id/person-or-institution-symbol/institution-symbol").asString()).isEqualTo("ZBW");
        assertThat(request.at("/item-id/title").asString()).isEqualTo("On the origin of species");
        assertThat(request.at("/item-id/verification-reference-source").asString()).isEqualTo("OCLC WorldCat");
        assertThat(request.at("/delivery-address/postal-address/city").asString()).isEqualTo("Columbus");
        assertThat(request.at("/search-type/need-before-date").asString()).isEqualTo("20261231");
        assertThat(request.at("/search-type/expiry-flag").asString()).isEqualTo("other-Date");
        assertThat(request.at("/iLL-service-type/1").asString()).isEqualTo("copy-non-returnable");
        assertThat(request.at("/cost-info-type/maximum-cost/currency-code").asString()).isEqualTo("USD");
        assertThat(request.at("/cost-info-type/maximum-cost/monetary-value").asString()).isEqualTo("25.00");
        assertThat(request.at("/retry-flag").asBoolean()).isTrue();
        assertThat(request.at("/delivery-service/physical-delivery").asString()).isEqualTo("Library Mail");
    }

    @Test
    void showsDefaultValuedComponentsEvenWhenTheSenderLeftThemOut() throws Exception {
        JsonNode request = view("01-ill-request-minimal").get("ILL-Request");

        assertThat(request.get("transaction-type").asString()).isEqualTo("simple");
        assertThat(request.get("place-on-hold").asString()).isEqualTo("according-to-responder-policy");
        assertThat(request.get("forward-flag").asBoolean()).isFalse();
    }

    @Test
    void decodesTheOclcRequestExtensionAndTheOclcNumberByName() throws Exception {
        JsonNode request = view("02-ill-request-oclc-complete").get("ILL-Request");

        JsonNode oclc = request.at("/iLL-request-extensions/0");
        assertThat(oclc.get("identifier").asInt()).isEqualTo(1);
        assertThat(oclc.get("critical").asBoolean()).isFalse();
        assertThat(oclc.at("/item/EXTERNAL/direct-reference").asString()).isEqualTo("1.0.10161.13.2");
        assertThat(oclc.at("/item/EXTERNAL/encoding/single-ASN1-type/OCLCILLRequestExtension/paymentMethod").asString())
                .isEqualTo("IFM");
        assertThat(request.at("/item-id/system-no/direct-reference").asString()).isEqualTo("1.2.124.10161.2");
        assertThat(request.at("/item-id/system-no/encoding/single-ASN1-type/SystemNo/0/system").asString()).isEqualTo("oclc");
        assertThat(request.at("/item-id/system-no/encoding/single-ASN1-type/SystemNo/0/recordNo").asString())
                .isEqualTo("1234567");
    }

    @Test
    void keepsAnUnknownExtensionAsItsOidAndBase64Bytes() throws Exception {
        JsonNode unknown = view("02-ill-request-oclc-complete").at("/ILL-Request/iLL-request-extensions/1/item/EXTERNAL");

        assertThat(unknown.get("direct-reference").asString()).isEqualTo("1.2.840.999.1");
        assertThat(unknown.at("/encoding/single-ASN1-type/base64").asString()).isEqualTo("BAVoZWxsbw==");
    }

    @Test
    void readsUtf8TextMarksEdifactAndKeepsBytesThatAreNotUtf8() throws Exception {
        JsonNode request = view("04-ill-request-non-ascii-edifact").get("ILL-Request");

        assertThat(request.at("/item-id/title").asString()).isEqualTo("Über die Natur – 東京");
        assertThat(request.at("/item-id/author/GeneralString/base64").asString())
                .isEqualTo("TfxsbGVyLCBK/HJnZW4="); // "Müller, Jürgen" in ISO-8859-1
        assertThat(request.at("/item-id/verification-reference-source/EDIFACTString").asString()).isEqualTo("LIBRIS");
        assertThat(request.at("/transaction-id/transaction-qualifier/EDIFACTString").asString()).isEqualTo("R-0004");
    }

    @Test
    void readsTextInThePeersCharset() throws Exception {
        Apdu apdu = codec.decode(YazVectors.read("04-ill-request-non-ascii-edifact"));

        JsonNode latin1 = new ApduJson(StandardCharsets.ISO_8859_1).toJson(apdu);

        assertThat(latin1.at("/ILL-Request/item-id/author").asString()).isEqualTo("Müller, Jürgen");
    }

    @Test
    void showsEveryAnswerVariantByItsAsn1Identifiers() throws Exception {
        assertThat(view("09-ill-answer-conditional").at("/ILL-Answer/transaction-results").asString()).isEqualTo("conditional");
        assertThat(view("09-ill-answer-conditional").at("/ILL-Answer/results-explanation/conditional-results/conditions").asString())
                .isEqualTo("charges");
        assertThat(view("11-ill-answer-unfilled").at("/ILL-Answer/results-explanation/unfilled-results/reason-unfilled").asString())
                .isEqualTo("not-found-as-cited");
        assertThat(view("13-ill-answer-will-supply").at("/ILL-Answer/transaction-results").asString()).isEqualTo("will-supply");
        assertThat(view("36-status-or-error-report-state-transition-prohibited")
                .at("/Status-Or-Error-Report/error-report/provider-error-report/state-transition-prohibited/current-state").asString())
                .isEqualTo("cANCELLED");
        assertThat(view("29-damaged-complete-document").at("/Damaged/damaged-details/damaged-portion/complete-document").isNull())
                .isTrue();
    }

    @Test
    void refusesJsonThatIsNotAnApduSayingWhere() {
        assertThatThrownBy(() -> json.fromJson(MAPPER.readTree("{\"ILL-Reqest\": {}}")))
                .hasMessage("ILL-APDU: 'ILL-Reqest' is not an APDU type");
        assertThatThrownBy(() -> json.fromJson(MAPPER.readTree("{\"Message\": {\"protocol-version-num\": 2}}")))
                .hasMessage("Message.transaction-id: required element is missing");
        assertThatThrownBy(() -> json.fromJson(MAPPER.readTree(
                "{\"Recall\": {\"protocol-version-num\": 2, \"colour\": \"red\"}}")))
                .hasMessage("Recall: Recall has no component 'colour'");
    }

    private JsonNode view(String vector) throws Exception {
        return json.toJson(codec.decode(YazVectors.read(vector)));
    }
}
