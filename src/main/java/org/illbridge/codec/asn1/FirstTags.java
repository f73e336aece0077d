package org.illbridge.codec.asn1;

import java.util.List;
import org.illbridge.codec.asn1.AsnType.AnyType;
import org.illbridge.codec.asn1.AsnType.ChoiceType;
import org.illbridge.codec.asn1.AsnType.Component;
import org.illbridge.codec.asn1.AsnType.IllStringType;

/** The tags an encoding of a type can start with: its own, or its alternatives' when it is untagged. */
final class FirstTags {

    private FirstTags() {
    }

    /** Adds the tags to {@code tags}; false when any tag at all may start it (an untagged ANY). */
    static boolean collect(AsnType type, List<Tag> tags) {
        if (type instanceof AnyType) {
            return false;
        }
        if (type instanceof IllStringType) {
            tags.add(IllStringType.GENERAL_STRING);
            tags.add(IllStringType.VISIBLE_STRING);
            return true;
        }
        if (type instanceof ChoiceType choice) {
            boolean bounded = true;
            for (Component alternative : choice.alternatives()) {
                bounded &= collect(alternative.type(), tags);
            }
            return bounded;
        }
        tags.add(type.tag());
        return true;
    }
}
