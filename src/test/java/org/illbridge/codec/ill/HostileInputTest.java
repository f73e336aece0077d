package org.illbridge.codec.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collections;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.BerDecoder;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;

/** Input built to hurt the decoder gets the typed error naming the element and the offset. */
class HostileInputTest {

    private final IllCodec codec = new IllCodec();
    private final byte[] minimal = YazVectors.read("01-ill-request-minimal");

    @Test
    void aLengthThatLiesIsReportedAtTheElementItBelongsTo() {
        byte[] lying = minimal.clone();
        int title = indexOf(lying, new byte[] {0x1b, 0x11, 'A'});
        lying[title + 1] = 0x7f;

        assertThatThrownBy(() -> codec.decode(lying))
                .isInstanceOf(DecodeException.class)
                .hasMessage("ILL-Request.item-id.title: length 127 exceeds the 17 bytes left at offset " + title);
    }

    @Test
    void aTruncatedApduSaysWhereItEnds() {
        byte[] truncated = Arrays.copyOf(minimal, 60);

        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("ILL-Request: length 122 exceeds the 58 bytes left at offset 0");
    }

    @Test
    void bytesAfterTheApduAreRefused() {
        byte[] trailing = Arrays.copyOf(minimal, minimal.length + 3);

        assertThatThrownBy(() -> codec.decode(trailing))
                .hasMessage("ILL-Request: 3 bytes follow the end of the value");
    }

    @Test
    void anUnknownApduTagIsRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[] {0x75, 0x02, 0x30, 0x00}))
                .hasMessage("ILL-APDU: not an ISO ILL APDU: expected [APPLICATION 1] to [APPLICATION 20], found a first octet of 0x75");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x30, 0x00}))
                .hasMessageContaining("found a first octet of 0x30");
    }

    @Test
    void aMissingRequiredElementIsNamed() {
        // an ILL-Request holding only protocol-version-num
        byte[] bare = {0x61, 0x05, 0x30, 0x03, (byte) 0x80, 0x01, 0x02};

        assertThatThrownBy(() -> codec.decode(bare))
                .hasMessage("ILL-Request.transaction-id: required element is missing at offset 7");
    }

    @Test
    void deepNestingIsCutOffNotFollowed() throws Exception {
        ByteArrayOutputStream deep = nested(0x30, 10_000);
        // an extension the decoder has no type for is kept as bytes, so it must follow the nesting to find its end
        AsnValue extension = AsnValue.Sequence.of(new AsnValue.Field("identifier", new AsnValue.Int(1)),
                new AsnValue.Field("critical", AsnValue.Bool.FALSE), new AsnValue.Field("item", new AsnValue.Opaque(deep.toByteArray())));
        byte[] nested = codec.encode(Extensions.add(codec.decode(minimal), extension));

        assertThatThrownBy(() -> codec.decode(nested))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("elements nested deeper than 64");
    }

    @Test
    void nestingTheSchemaDoesNotHaveIsRefusedAtItsFirstElement() {
        ByteArrayOutputStream deep = new ByteArrayOutputStream();
        deep.write(0x61); // an ILL-Request of indefinite length around it
        deep.write(0x80);
        deep.writeBytes(nested(0x30, 10_000).toByteArray());
        deep.write(0);
        deep.write(0);

        assertThatThrownBy(() -> codec.decode(deep.toByteArray()))
                .isInstanceOf(DecodeException.class)
                .hasMessage("ILL-Request: unexpected element with tag [UNIVERSAL 16] at offset 4");
    }

    /** {@code levels} elements with this tag, each of indefinite length and inside the one before. */
    private static ByteArrayOutputStream nested(int tag, int levels) {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        for (int i = 0; i < levels; i++) {
            nested.write(tag);
            nested.write(0x80);
        }
        for (int i = 0; i < levels; i++) {
            nested.write(0);
            nested.write(0);
        }
        return nested;
    }

    @Test
    void hugeElementCountsStopAtTheLimit() throws Exception {
        Apdu request = codec.decode(minimal);
        AsnValue loan = request.at("iLL-service-type").map(v -> ((AsnValue.SequenceOf) v).elements().get(0)).orElseThrow();
        AsnValue manyServiceTypes = new AsnValue.SequenceOf(Collections.nCopies(2_000, loan));
        byte[] many = codec.encode(new Apdu(ApduType.ILL_REQUEST, request.body().with("iLL-service-type", manyServiceTypes)));
        IllCodec strict = new IllCodec(new BerDecoder.Limits(64, 1_000));

        assertThatThrownBy(() -> strict.decode(many))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("ILL-Request.iLL-service-type[")
                .hasMessageContaining("more than 1000 elements");
    }

    @Test
    void aLengthOfFourGigabytesAllocatesNothing() {
        byte[] huge = {0x61, (byte) 0x84, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 0x30, 0x00};

        assertThatThrownBy(() -> codec.decode(huge))
                .hasMessage("ILL-Request: length 4294967280 exceeds the 2 bytes left at offset 0");
    }

    @Test
    void booleanTrueIsAnyNonZeroOctet() throws Exception {
        byte[] request = minimal.clone();
        int retryFlag = indexOf(request, new byte[] {(byte) 0x95, 0x01, 0x00});
        request[retryFlag + 2] = 0x2a;

        assertThat(codec.decode(request).at("retry-flag")).hasValue(new AsnValue.Bool(true));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
