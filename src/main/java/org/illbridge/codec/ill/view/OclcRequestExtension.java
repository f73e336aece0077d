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

/** OCLC's ILL-Request extension (1.0.10161.13.2): the fields OCLC adds to a request. */
public record OclcRequestExtension(String clientDepartment, String paymentMethod, String uniformTitle,
                                   String dissertation, String issueNumber, String volume, String affiliations,
                                   String source) {

    public static Optional<OclcRequestExtension> of(Apdu apdu, Charset charset) {
        return Extensions.find(apdu, IllExtensions.OCLC_ILL_REQUEST_EXTENSION_OID)
                .map(value -> (AsnValue.Sequence) value)
                .map(ext -> new OclcRequestExtension(text(ext, "clientDepartment", charset), text(ext, "paymentMethod", charset),
                        text(ext, "uniformTitle", charset), text(ext, "dissertation", charset),
                        text(ext, "issueNumber", charset), text(ext, "volume", charset),
                        text(ext, "affiliations", charset), text(ext, "source", charset)));
    }

    /** The borrower pays through OCLC's ILL Fee Management. */
    public boolean paysByIfm() {
        return "IFM".equalsIgnoreCase(paymentMethod);
    }

    /** The extension that says the borrower pays through ILL Fee Management. */
    public static OclcRequestExtension paidByIfm() {
        return new OclcRequestExtension(null, "IFM", null, null, null, null, null, null);
    }

    /** This extension, to add to an ILL-Request. */
    public AsnValue toExtension() {
        List<AsnValue.Field> fields = new ArrayList<>();
        String[][] values = {{"clientDepartment", clientDepartment}, {"paymentMethod", paymentMethod},
            {"uniformTitle", uniformTitle}, {"dissertation", dissertation}, {"issueNumber", issueNumber},
            {"volume", volume}, {"affiliations", affiliations}, {"source", source}};
        for (String[] value : values) {
            if (value[1] != null) {
                fields.add(new AsnValue.Field(value[0], AsnValue.IllString.general(value[1], StandardCharsets.UTF_8)));
            }
        }
        return Extensions.of(IllExtensions.OCLC_ILL_REQUEST_EXTENSION_OID, "OCLCILLRequestExtension",
                new AsnValue.Sequence(fields));
    }

    private static String text(AsnValue.Sequence extension, String name, Charset charset) {
        return extension.get(name).flatMap(v -> Texts.of(v, charset)).orElse(null);
    }
}
