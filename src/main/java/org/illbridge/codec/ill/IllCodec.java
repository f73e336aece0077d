package org.illbridge.codec.ill;

import org.illbridge.codec.asn1.AsnType;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.BerDecoder;
import org.illbridge.codec.asn1.BerEncoder;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.asn1.EncodeException;

/** Decodes and encodes ISO ILL APDUs (BER, ISO 10161-1 versions 1 and 2). Thread-safe. */
public final class IllCodec {

    private final BerDecoder.Limits limits;

    public IllCodec() {
        this(BerDecoder.Limits.DEFAULT);
    }

    public IllCodec(BerDecoder.Limits limits) {
        this.limits = limits;
    }

    /** Decodes exactly one APDU; anything else is a {@link DecodeException} naming where and why. */
    public Apdu decode(byte[] bytes) throws DecodeException {
        if (bytes.length > 0 && (bytes[0] & 0xC0) == 0x40) {
            int number = bytes[0] & 0x1F;
            ApduType type = ApduType.ofApplicationTag(number);
            if (type != null) {
                return decode(bytes, type);
            }
        }
        String found = bytes.length == 0 ? "no bytes" : String.format("a first octet of 0x%02X", bytes[0] & 0xFF);
        throw new DecodeException("ILL-APDU", 0, "not an ISO ILL APDU: expected [APPLICATION 1] to [APPLICATION 20], found " + found);
    }

    private Apdu decode(byte[] bytes, ApduType type) throws DecodeException {
        AsnValue value = BerDecoder.decode(bytes, type.type(), IllExtensions.REGISTRY, limits);
        return new Apdu(type, (AsnValue.Sequence) value);
    }

    public byte[] encode(Apdu apdu) throws EncodeException {
        return encode(apdu.type().type(), apdu.body());
    }

    /** Encodes any value of the ISO ILL modules (an APDU, an extension, a component). */
    public byte[] encode(AsnType type, AsnValue value) throws EncodeException {
        return BerEncoder.encode(type, value, IllExtensions.REGISTRY);
    }
}
